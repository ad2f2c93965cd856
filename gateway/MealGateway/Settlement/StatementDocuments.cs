namespace MealGateway.Settlement;

/// <summary>A stored statement revision; the statement itself is kept as the JSON that is forwarded, gzipped.</summary>
public sealed class StatementDocument
{
    /// <summary>"{kind}|{site}|{period}|{revision:D4}".</summary>
    public string Id { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;
    public string Period { get; set; } = string.Empty;
    public int Revision { get; set; }
    public string Digest { get; set; } = string.Empty;
    /// <summary>The statement's JSON (StatementJson), gzip-compressed: a county month is ~70 MB of JSON, ~7 MB stored.</summary>
    public byte[] Body { get; set; } = [];

    public static string KeyOf(string kind, string site, string period, int revision) => $"{kind}|{site}|{period}|{revision:D4}";
}

/// <summary>The latest revision of a site's day or month.</summary>
public sealed class StatementHead
{
    /// <summary>"{kind}|{site}|{period}".</summary>
    public string Id { get; set; } = string.Empty;
    public int Revision { get; set; }
    public string Digest { get; set; } = string.Empty;

    /// <summary>The change generation of the newest snapshot settled into this head: an older snapshot never replaces it.</summary>
    public long Generation { get; set; }

    public static string KeyOf(string kind, string site, string period) => $"{kind}|{site}|{period}";
}

/// <summary>
/// A revision waiting to be sent to the county platform, written in the same transaction as the
/// revision. Entries are sent in Id order; a delivered entry is kept, marked, for the audit trail.
/// </summary>
public sealed class OutboxEntry
{
    public long Id { get; set; }
    public string IdempotencyKey { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;
    public string Period { get; set; } = string.Empty;
    public int Revision { get; set; }

    /// <summary>The StatementDocument whose JSON is sent (statements; empty for entries that carry Body).</summary>
    public string StatementId { get; set; } = string.Empty;

    /// <summary>The JSON sent, for entries that are no statement (a day's absence counts, Welfare/AbsenceReports); empty otherwise.</summary>
    public string Body { get; set; } = string.Empty;
    public DateTime CreatedUtc { get; set; }
    public bool Delivered { get; set; }
    public DateTime? DeliveredUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptUtc { get; set; }

    /// <summary>Why the last attempt failed (Chinese first, for the operator), empty when none failed.</summary>
    public string LastError { get; set; } = string.Empty;
}
