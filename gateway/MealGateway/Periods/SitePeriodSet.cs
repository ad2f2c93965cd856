using MealTerminal.Core.Meals;

namespace MealGateway.Periods;

/// <summary>
/// The meal periods one configuration version gave a site's terminals, kept for as long as the
/// database lives: a terminal's backlog may still hold records decided with an older version. A
/// record's period is an index into these; Codes turns it into the gateway's period code (the
/// identity tallies and settlement use, see <see cref="PeriodCatalogue"/>).
/// </summary>
public sealed class SitePeriodSet
{
    /// <summary>"{site}|{version}".</summary>
    public string Id { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;

    /// <summary>The configuration version (1 and up; 0, the built-in defaults, is never stored).</summary>
    public long Version { get; set; }
    public int UtcOffsetMinutes { get; set; }
    public string[] Names { get; set; } = [];
    public int[] StartMinutes { get; set; } = [];
    public int[] EndMinutes { get; set; } = [];
    public int[] Limits { get; set; } = [];

    /// <summary>Per terminal period index, the gateway's period code; -1 for a name no code was ever given.</summary>
    public int[] Codes { get; set; } = [];

    public int Count => Names.Length;

    public static string KeyOf(string site, long version) => $"{site}|{version}";

    /// <summary>The built-in defaults every terminal runs before its first configuration (version 0).</summary>
    public static SitePeriodSet Defaults(string site, int utcOffsetMinutes) =>
        From(site, 0, utcOffsetMinutes, TerminalConfig.DefaultPeriods(), [0, 1, 2]);

    public static SitePeriodSet From(string site, long version, int utcOffsetMinutes, MealPeriod[] periods, int[] codes) => new()
    {
        Id = KeyOf(site, version), Site = site, Version = version, UtcOffsetMinutes = utcOffsetMinutes,
        Names = periods.Select(p => p.Name).ToArray(), StartMinutes = periods.Select(p => p.StartMinute).ToArray(),
        EndMinutes = periods.Select(p => p.EndMinute).ToArray(), Limits = periods.Select(p => p.LimitPerElder).ToArray(), Codes = codes,
    };

    /// <summary>The terminal period index whose range holds a local minute of the day, or -1.</summary>
    public int IndexAt(int minuteOfDay)
    {
        for (int i = 0; i < Count; i++)
        {
            if (minuteOfDay >= StartMinutes[i] && minuteOfDay < EndMinutes[i])
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A name the gateway has given a period code, with the most meals per elder any configuration allowed in it.</summary>
public sealed class PeriodCode
{
    /// <summary>The period's name, e.g. 午餐.</summary>
    public string Id { get; set; } = string.Empty;
    public int Code { get; set; }
    public int Limit { get; set; } = 1;
}
