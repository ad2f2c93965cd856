namespace MealGateway.Storage;

/// <summary>A meal record as stored, one per (site, terminal, sequence).</summary>
public sealed class StoredRecord
{
    /// <summary>"{site}/{terminal}/{sequence:D10}": the exactly-once key.</summary>
    public string Id { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;
    public string Terminal { get; set; } = string.Empty;
    public long Sequence { get; set; }
    public int Verdict { get; set; }
    public int Period { get; set; }
    public int Category { get; set; }
    public bool ClockValid { get; set; }
    public int BootCount { get; set; }
    public long ElderId { get; set; }
    public long Time { get; set; }
    public string CardHex { get; set; } = string.Empty;

    /// <summary>Local service day (yyyy-MM-dd), or null while the record has no valid time.</summary>
    public string? Day { get; set; }
    public DateTime ReceivedUtc { get; set; }

    public static string KeyOf(string site, string terminal, long sequence) => $"{site}/{terminal}/{sequence:D10}";
}

/// <summary>What the gateway knows of a terminal's upload.</summary>
public sealed class TerminalState
{
    /// <summary>"{site}/{terminal}".</summary>
    public string Id { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;
    public string Terminal { get; set; } = string.Empty;

    /// <summary>Highest sequence with every sequence from 1 up to it stored: what is acknowledged.</summary>
    public long ContiguousSequence { get; set; }
    public long RecordsStored { get; set; }

    /// <summary>Highest sequence stored, contiguous or not: above it nothing needs looking up.</summary>
    public long HighestSequence { get; set; }
    public DateTime LastBatchUtc { get; set; }
}

/// <summary>Counted meals for one site, local day, meal period and elder category.</summary>
public sealed class TallyCell
{
    /// <summary>"{site}|{day}|{period}|{category}".</summary>
    public string Id { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;
    public string Day { get; set; } = string.Empty;
    public int Period { get; set; }
    public int Category { get; set; }
    public int Meals { get; set; }

    public static string KeyOf(string site, string day, int period, int category) => $"{site}|{day}|{period}|{category}";
}
