using LiteDB;
using MealGateway.Storage;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;
using MealTerminal.Core.Sync;

namespace MealGateway.Welfare;

/// <summary>
/// The welfare check at the gateway (docs/welfare.md): draws up a day's absent list per site and
/// county-wide from the tallies and elder cells (never every record), keeps the site hosts' known
/// reasons and the checks made on absent elders. A check is kept with its day, so the list of any
/// day of the month shows who checked, when and what they found. The rule of a day is the county
/// policy's 常来 line in force on it (settingOn; without a policy the default 4 of 7, 14:00).
/// </summary>
public sealed class WelfareDesk(MealStore store, TimeProvider time, Func<DateOnly, WelfareSetting>? settingOn = null)
{
    internal const string AbsencesName = "known_absences";
    internal const string VisitsName = "welfare_visits";
    private const string SiteImagesName = "site_images";
    private readonly TodaysAbsentList today = new(store);
    private long drawn;

    public WelfareDesk(MealStore store, TimeProvider time, WelfareSetting setting)
        : this(store, time, _ => setting)
    {
    }

    /// <summary>The rule of a local day.</summary>
    public WelfareSetting SettingOn(DateOnly day) => settingOn?.Invoke(day) ?? new WelfareSetting();

    /// <summary>How many absent lists were drawn up from the store (today's is kept until something changes it).</summary>
    public long ListsDrawn => Interlocked.Read(ref drawn);

    /// <summary>
    /// The absent list of a local day (yyyy-MM-dd) for one site or all; empty and not ready before the
    /// cut-off of that day. Today's is kept in memory and drawn again only after a change (TodaysAbsentList).
    /// </summary>
    public AbsentList Absent(string day, string? site = null)
    {
        var date = DateOnly.ParseExact(day, "yyyy-MM-dd");
        var setting = SettingOn(date);
        string cutoff = $"{setting.CutoffMinute / 60:D2}:{setting.CutoffMinute % 60:D2}";
        var now = time.GetUtcNow().UtcDateTime.AddMinutes(store.UtcOffsetMinutes);
        if (now < date.ToDateTime(TimeOnly.MinValue).AddMinutes(setting.CutoffMinute))
        {
            return new AbsentList(day, false, cutoff, []);
        }

        var list = date == DateOnly.FromDateTime(now) ? today.Get(day, setting, () => Draw(day, date, setting, cutoff)) : Draw(day, date, setting, cutoff);
        return site is null ? list : list with { Lines = list.Lines.Where(l => l.Site == site).ToList() };
    }

    /// <summary>
    /// Draws up a day's list for every site from the tallies, elder cells, known reasons, checks and
    /// rosters. Only the reads hold the store's lock (ingest waits on it); the rule runs after.
    /// </summary>
    private AbsentList Draw(string day, DateOnly date, WelfareSetting setting, string cutoff)
    {
        Interlocked.Increment(ref drawn);
        var months = Enumerable.Range(0, 3).Select(i => date.AddMonths(-i).ToString("yyyy-MM")).ToList();
        var (serviceDays, cells, absences, names, visits, left) = store.Read(db =>
        {
            var serviceDays = new Dictionary<string, SortedSet<string>>();
            foreach (var tally in db.GetCollection<SiteMonthTally>(MealStore.TalliesName).Find(Query.In(nameof(SiteMonthTally.Month), months.Select(m => new BsonValue(m)))))
            {
                var days = serviceDays.TryGetValue(tally.Site, out var known) ? known : serviceDays[tally.Site] = [];
                foreach (var cell in tally.Cells())
                {
                    days.Add(cell.Day);
                }
            }

            return (serviceDays, months.SelectMany(m => ElderCells.ForMonth(db, m)).ToList(), // waiting elder-meal deltas included
                db.GetCollection<KnownAbsence>(AbsencesName).Find(Query.And(Query.LTE(nameof(KnownAbsence.From), day), Query.GTE(nameof(KnownAbsence.To), day))).ToList(),
                new AbsentNames(Rosters(db)),
                db.GetCollection<WelfareVisit>(VisitsName).Find(Query.EQ(nameof(WelfareVisit.Day), day)).ToDictionary(v => v.Id),
                LeftRegulars(db));
        });

        var dayNames = months.ToDictionary(m => m, m => Enumerable.Range(0, 32).Select(d => $"{m}-{d:D2}").ToArray()); // one string per day, not per meal
        var meals = new Dictionary<long, HashSet<(string, string)>>();
        foreach (var cell in cells)
        {
            var set = meals.TryGetValue(cell.ElderId, out var known) ? known : meals[cell.ElderId] = [];
            foreach (byte code in cell.Meals)
            {
                set.Add((cell.Site, dayNames[cell.Month][code / 4]));
            }
        }

        var lines = WelfareRule.Absent(day, setting, serviceDays, meals, left, (elder, _) => absences.FirstOrDefault(a => a.ElderId == elder)?.Reason)
            .Select(a => visits.TryGetValue(WelfareVisit.KeyOf(a.Site, day, a.ElderId), out var v)
                ? new AbsentLine(a.Site, a.ElderId, names.Of(a.Site, a.ElderId), a.DaysInARow, a.KnownReason, v.By, v.CheckedUtc, v.Outcome)
                : new AbsentLine(a.Site, a.ElderId, names.Of(a.Site, a.ElderId), a.DaysInARow, a.KnownReason, null, null, null))
            .ToList().AsReadOnly(); // today's is shared by every reader
        return new AbsentList(day, true, cutoff, lines);
    }

    /// <summary>Absent regulars per day of a month, county-wide (known reasons left out): what the county API carries.</summary>
    public IReadOnlyList<(string Day, int Absent)> DailyCounts(string month)
    {
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd");
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddMinutes(store.UtcOffsetMinutes));
        return Enumerable.Range(0, first.AddMonths(1).DayNumber - first.DayNumber).Select(first.AddDays).Where(d => d <= today)
            .Select(d => Absent(d.ToString("yyyy-MM-dd"))).Where(l => l.Ready)
            .Select(l => (l.Day, l.Lines.Count(a => a.KnownReason is null))).ToList();
    }

    /// <summary>Enters a known reason for days from..to; the problem in Chinese, or null when stored.</summary>
    public string? EnterAbsence(string site, long elder, string? from, string? to, string? reason, string by)
    {
        if (!IsDay(from) || !IsDay(to) || string.CompareOrdinal(from, to) > 0)
        {
            return "起止日期无效，应为 yyyy-MM-dd，且开始不晚于结束";
        }

        if (elder <= 0 || string.IsNullOrWhiteSpace(reason) || reason.Length > 100)
        {
            return "老人编号必须为正数，原因必填（最多 100 字）";
        }

        store.Durably(db => db.GetCollection<KnownAbsence>(AbsencesName).Insert(new KnownAbsence
        {
            Id = $"{site}|{elder}|{from}|{Guid.NewGuid():N}", Site = site, ElderId = elder, From = from!, To = to!, Reason = reason.Trim(), By = by,
            EnteredUtc = time.GetUtcNow().UtcDateTime,
        }));
        return null;
    }

    /// <summary>Records that someone checked on an absent elder; the problem in Chinese, or null when stored.</summary>
    public string? RecordVisit(string site, string? day, long elder, string? outcome, string by)
    {
        if (!IsDay(day) || elder <= 0)
        {
            return "日期应为 yyyy-MM-dd，老人编号必须为正数";
        }

        if (string.IsNullOrWhiteSpace(outcome) || outcome.Length > 200)
        {
            return "探访结果必填（最多 200 字）";
        }

        store.Durably(db => db.GetCollection<WelfareVisit>(VisitsName).Upsert(new WelfareVisit
        {
            Id = WelfareVisit.KeyOf(site, day!, elder), Site = site, Day = day!, ElderId = elder, Outcome = outcome.Trim(), By = by,
            CheckedUtc = time.GetUtcNow().UtcDateTime,
        }));
        return null;
    }

    public static bool IsDay(string? text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", out _);

    private static IEnumerable<Downloads.SiteImage> Rosters(LiteDatabase db) =>
        db.GetCollection<Downloads.SiteImage>(SiteImagesName).Find(Query.EQ(nameof(Downloads.SiteImage.Kind), DownloadCodec.KindRoster));

    /// <summary>Elders with a card the current roster of any site marks suspended or deceased: they leave the regulars at once.</summary>
    private static HashSet<long> LeftRegulars(LiteDatabase db)
    {
        var left = new HashSet<long>();
        foreach (var image in Rosters(db))
        {
            for (int at = RosterFormat.HeaderSize; at + RosterFormat.EntrySize <= image.Image.Length; at += RosterFormat.EntrySize)
            {
                var status = (CardStatus)image.Image[at + RosterFormat.OffsetStatus];
                if (status is CardStatus.Suspended or CardStatus.Deceased)
                {
                    left.Add(BitConverter.ToUInt32(image.Image, at + RosterFormat.OffsetElderId));
                }
            }
        }

        return left;
    }
}
