namespace MealGateway.Welfare;

/// <summary>The county's welfare-check setting: regulars ate on at least RegularDays of the last RegularWindow service days; absent after CutoffMinute (local).</summary>
public sealed record WelfareSetting(int RegularDays = 4, int RegularWindow = 7, int CutoffMinute = 14 * 60);

/// <summary>A regular of a site absent on a day: how many of the site's service days in a row (this one included), and a known reason when one covers the day.</summary>
public sealed record AbsentElder(string Site, long ElderId, int DaysInARow, string? KnownReason);

/// <summary>
/// The welfare check (常来未到), pure: the same rule as the terminal's AbsentList, county-wide. A
/// site's service days are the local days with any counted meal there; its regulars on day D are the
/// elders with a counted meal there on at least N of the newest M service days before D, less the
/// elders whose card the roster marks suspended or deceased. A regular is absent on D when they have
/// no counted meal on D at any site of the county (a delivery is a counted meal). An absence a known
/// reason covers is listed with it and is not raised.
/// </summary>
public static class WelfareRule
{
    /// <param name="serviceDays">Per site, its service days (yyyy-MM-dd).</param>
    /// <param name="meals">Per elder, the (site, day) pairs of their counted meals.</param>
    public static List<AbsentElder> Absent(
        string day, WelfareSetting setting, IReadOnlyDictionary<string, SortedSet<string>> serviceDays,
        IReadOnlyDictionary<long, HashSet<(string Site, string Day)>> meals, IReadOnlySet<long> leftRegulars,
        Func<long, string, string?> knownReason)
    {
        var ateOn = meals.ToDictionary(m => m.Key, m => m.Value.Select(v => v.Day).ToHashSet());
        var eatersAt = new Dictionary<string, List<long>>(); // a site's regulars ate there: look only at them, not at the whole county per site
        foreach (var (elder, eaten) in meals)
        {
            foreach (string site in eaten.Select(e => e.Site).Distinct())
            {
                (eatersAt.TryGetValue(site, out var eaters) ? eaters : eatersAt[site] = []).Add(elder);
            }
        }

        var absent = new List<AbsentElder>();
        foreach (var (site, days) in serviceDays.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var window = days.Where(d => string.CompareOrdinal(d, day) < 0).Reverse().Take(setting.RegularWindow).ToList();
            if (window.Count == 0)
            {
                continue;
            }

            foreach (long elder in eatersAt.GetValueOrDefault(site) ?? [])
            {
                var eaten = meals[elder];
                if (leftRegulars.Contains(elder) || window.Count(d => eaten.Contains((site, d))) < setting.RegularDays || ateOn[elder].Contains(day))
                {
                    continue;
                }

                int inARow = 1 + days.Where(d => string.CompareOrdinal(d, day) < 0).Reverse().TakeWhile(d => !ateOn[elder].Contains(d)).Count();
                absent.Add(new AbsentElder(site, elder, inARow, knownReason(elder, day)));
            }
        }

        return absent.OrderBy(a => a.KnownReason is not null).ThenByDescending(a => a.DaysInARow)
            .ThenBy(a => a.Site, StringComparer.Ordinal).ThenBy(a => a.ElderId).ToList();
    }
}
