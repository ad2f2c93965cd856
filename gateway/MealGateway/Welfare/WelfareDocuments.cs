namespace MealGateway.Welfare;

/// <summary>A known reason an elder does not come (leave entered by the site host, hospital, visiting family), for days From..To.</summary>
public sealed class KnownAbsence
{
    public string Id { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;
    public long ElderId { get; set; }

    /// <summary>First and last local day covered, yyyy-MM-dd.</summary>
    public string From { get; set; } = string.Empty;
    public string To { get; set; } = string.Empty;
    public string Reason { get; set; } = string.Empty;
    public string By { get; set; } = string.Empty;
    public DateTime EnteredUtc { get; set; }
}

/// <summary>Someone checked on an absent elder: who, when, with what outcome. Id "{site}|{day}|{elder}"; the latest check of the day is kept.</summary>
public sealed class WelfareVisit
{
    public string Id { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;
    public string Day { get; set; } = string.Empty;
    public long ElderId { get; set; }
    public string Outcome { get; set; } = string.Empty;
    public string By { get; set; } = string.Empty;
    public DateTime CheckedUtc { get; set; }

    public static string KeyOf(string site, string day, long elder) => $"{site}|{day}|{elder}";
}

/// <summary>
/// One line of a day's absent list as served: the absence, the elder's name as the roster shows it
/// (masked per the county's rule; null when the roster has no names), and the check on it if any.
/// </summary>
public sealed record AbsentLine(string Site, long ElderId, string? Name, int DaysInARow, string? KnownReason, string? CheckedBy, DateTime? CheckedUtc, string? Outcome);

/// <summary>A day's absent list: ready once the cut-off has passed (before it, Lines is empty).</summary>
public sealed record AbsentList(string Day, bool Ready, string Cutoff, IReadOnlyList<AbsentLine> Lines);
