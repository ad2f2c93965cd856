namespace MealGateway.Storage;

/// <summary>A meal record as stored, one per (site, terminal, sequence).</summary>
public sealed class StoredRecord
{
    /// <summary>"{site}/{terminal}/{sequence:D10}": the exactly-once key.</summary>
    public string Id { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;
    public string Terminal { get; set; } = string.Empty;

    /// <summary>
    /// The gateway's sequence for the terminal: the terminal's own sequence plus the SequenceBase of
    /// the ledger epoch it came in (0 for a terminal's first epoch), so a wiped terminal's new
    /// sequence 1 never collides with the old one (docs/settlement.md, "Replaced or wiped terminals").
    /// </summary>
    public long Sequence { get; set; }

    /// <summary>The terminal's ledger epoch the record came in (0: firmware before epochs).</summary>
    public long Epoch { get; set; }
    public int Verdict { get; set; }

    /// <summary>The gateway's period code (Periods/PeriodCatalogue), or the terminal's value when it has none.</summary>
    public int Period { get; set; }

    /// <summary>The period as the terminal recorded it: an index into the periods of ConfigVersion.</summary>
    public int RecordedPeriod { get; set; }

    /// <summary>The configuration the terminal decided the record with (0 = built-in defaults).</summary>
    public long ConfigVersion { get; set; }
    public int Category { get; set; }
    public bool ClockValid { get; set; }
    public int BootCount { get; set; }
    public long ElderId { get; set; }
    public long Time { get; set; }
    public string CardHex { get; set; } = string.Empty;

    /// <summary>Made at an elder's door in a delivery round (送餐上门), not at the canteen.</summary>
    public bool AtDoor { get; set; }

    /// <summary>At the door of an elder the terminal's roster did not register for delivery (listed for review).</summary>
    public bool Unregistered { get; set; }

    /// <summary>For a door record: the gateway sequence of its round's start marker (Delivery/DeliveryRound), 0 when none.</summary>
    public long Round { get; set; }

    /// <summary>For a door record: the courier who opened its round.</summary>
    public long Courier { get; set; }

    /// <summary>Local service day (yyyy-MM-dd), or null while the record has no valid time.</summary>
    public string? Day { get; set; }

    /// <summary>True when a record without valid time was placed from its boot's clock anchor (Time is then wall time).</summary>
    public bool Placed { get; set; }
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

    /// <summary>Gap records stored: sequences the terminal's ledger could not read back (anomaly ledger-gap).</summary>
    public long LedgerGaps { get; set; }

    /// <summary>Highest sequence stored, contiguous or not: above it nothing needs looking up.</summary>
    public long HighestSequence { get; set; }
    public DateTime LastBatchUtc { get; set; }

    /// <summary>Newest record with valid time seen so far (sequence, boot, record seconds): for clock-jump checks.</summary>
    public long LastTimedSequence { get; set; }
    public int LastTimedBoot { get; set; }
    public long LastTimedSeconds { get; set; }

    /// <summary>The ledger epoch whose batches are stored; adopted from the terminal's first batch.</summary>
    public long Epoch { get; set; }

    /// <summary>Added to the terminal's sequences of the current epoch: the highest gateway sequence before it.</summary>
    public long SequenceBase { get; set; }

    /// <summary>Epochs accepted after the first; stored boot counts are Generation × 65536 + the terminal's boot count.</summary>
    public int Generation { get; set; }

    /// <summary>Set while batches are refused as an identity conflict: the epoch they carry.</summary>
    public long? ConflictEpoch { get; set; }

    /// <summary>First sequence of the last refused batch: where the terminal's upload cursor stands.</summary>
    public long ConflictFirstSequence { get; set; }
    public DateTime? ConflictSinceUtc { get; set; }
    public string ConflictDetail { get; set; } = string.Empty;
    public long BatchesRefusedForConflict { get; set; }

    /// <summary>Epochs an operator accepted, oldest first.</summary>
    public List<EpochChange> EpochChanges { get; set; } = [];

    /// <summary>The terminal's configuration markers by sequence: which configuration decided the records after each.</summary>
    public List<ConfigSwitch> ConfigSwitches { get; set; } = [];

    /// <summary>The terminal's newest delivery round markers (Delivery/RoundMarks): which round a door record is in.</summary>
    public List<Delivery.RoundMark> RoundMarks { get; set; } = [];
}

/// <summary>From the record after Sequence on, the terminal decided taps with configuration Version.</summary>
public sealed class ConfigSwitch
{
    public long Sequence { get; set; }
    public long Version { get; set; }
}

/// <summary>An operator's acceptance of a terminal's new ledger epoch (terminal reset-epoch).</summary>
public sealed class EpochChange
{
    public int Generation { get; set; }
    public long OldEpoch { get; set; }
    public long NewEpoch { get; set; }

    /// <summary>Gateway sequence = SequenceBase + the terminal's sequence, from this epoch on.</summary>
    public long SequenceBase { get; set; }

    /// <summary>The terminal's first sequence taken in the new epoch (its upload cursor + 1 when refused).</summary>
    public long FirstSequence { get; set; }
    public string AcceptedBy { get; set; } = string.Empty;
    public DateTime AcceptedUtc { get; set; }
    public string Conflict { get; set; } = string.Empty;
}

/// <summary>Counted meals for one site, local day, meal period and elder category (read from a <see cref="SiteMonthTally"/>).</summary>
public sealed class TallyCell
{
    public string Site { get; set; } = string.Empty;
    public string Day { get; set; } = string.Empty;
    public int Period { get; set; }
    public int Category { get; set; }
    public int Meals { get; set; }
}

/// <summary>
/// A site's counted meals for a month in one document: a count per day of month, meal period and
/// elder category. Kept up to date at ingest; settling a county month reads one of these per site.
/// </summary>
public sealed class SiteMonthTally
{
    public const int Days = 32;
    public const int Periods = 4;

    /// <summary>"{site}|{yyyy-MM}".</summary>
    public string Id { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;
    public string Month { get; set; } = string.Empty;

    /// <summary>Index ((day × Periods) + period) × ElderCategory.Count + category.</summary>
    public int[] Counts { get; set; } = new int[Days * Periods * MealTerminal.Core.Meals.ElderCategory.Count];

    /// <summary>Of Counts, the meals delivered at the door (same index): what the delivery fee is paid on.</summary>
    public int[] Delivered { get; set; } = new int[Days * Periods * MealTerminal.Core.Meals.ElderCategory.Count];

    public static string KeyOf(string site, string month) => $"{site}|{month}";

    public static int IndexOf(int dayOfMonth, int period, int category) =>
        (((dayOfMonth * Periods) + period) * MealTerminal.Core.Meals.ElderCategory.Count) + category;

    /// <summary>The non-empty cells of delivered meals (Delivered), in day, period, category order.</summary>
    public IEnumerable<TallyCell> DeliveredCells() =>
        Delivered.Length != Counts.Length ? [] : new SiteMonthTally { Site = Site, Month = Month, Counts = Delivered }.Cells();

    /// <summary>The non-empty cells, in day, period, category order; of one day when given.</summary>
    public IEnumerable<TallyCell> Cells(int? onlyDay = null)
    {
        for (int i = 0; i < Counts.Length; i++)
        {
            int category = i % MealTerminal.Core.Meals.ElderCategory.Count;
            int period = i / MealTerminal.Core.Meals.ElderCategory.Count % Periods;
            int day = i / MealTerminal.Core.Meals.ElderCategory.Count / Periods;
            if (Counts[i] > 0 && (onlyDay is null || onlyDay == day))
            {
                yield return new TallyCell { Site = Site, Day = $"{Month}-{day:D2}", Period = period, Category = category, Meals = Counts[i] };
            }
        }
    }
}

/// <summary>
/// One elder's counted meals at one site in one month and category: the per-elder detail of a
/// statement, kept up to date at ingest like the tally cells.
/// </summary>
public sealed class ElderMonthCell
{
    /// <summary>"{site}|{yyyy-MM}|{elder}|{category}".</summary>
    public string Id { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;
    public string Month { get; set; } = string.Empty;
    public long ElderId { get; set; }
    public int Category { get; set; }

    /// <summary>
    /// One byte per counted meal: day of month × 4 + meal period (a repeat appears twice). Bytes,
    /// not a list of numbers: a county month has ~45,000 of these cells and settling reads them all.
    /// </summary>
    public byte[] Meals { get; set; } = [];

    public static string KeyOf(string site, string month, long elder, int category) => $"{site}|{month}|{elder}|{category}";

    public static byte Code(int dayOfMonth, int period) => (byte)((dayOfMonth * 4) + period);
}

/// <summary>Something listed for review, never silently dropped (docs/settlement.md, "Anomalies").</summary>
public sealed class AnomalyRecord
{
    /// <summary>"{site}/{terminal}/{sequence:D10}/{kind}": one per record and kind, however often it is received.</summary>
    public string Id { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;
    public string Terminal { get; set; } = string.Empty;
    public long Sequence { get; set; }

    /// <summary>Local day of the record, or null when it has no valid time.</summary>
    public string? Day { get; set; }
    public int Period { get; set; }
    public long ElderId { get; set; }
    public string CardHex { get; set; } = string.Empty;
    public string Detail { get; set; } = string.Empty;
}

/// <summary>Where a terminal's boot began in wall time, learnt from its clock anchor record.</summary>
public sealed class BootAnchor
{
    /// <summary>"{site}/{terminal}/{boot}".</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Record seconds (since 2020-01-01 UTC) at which the boot's uptime was zero.</summary>
    public long BootStartSeconds { get; set; }

    public static string KeyOf(string site, string terminal, int boot) => $"{site}/{terminal}/{boot}";
}

/// <summary>A site's day or month whose counts changed since it was last settled.</summary>
public sealed class DirtyMark
{
    /// <summary>"{kind}|{site}|{period}" with kind daily or monthly.</summary>
    public string Id { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;

    /// <summary>yyyy-MM-dd for daily, yyyy-MM for monthly.</summary>
    public string Period { get; set; } = string.Empty;

    /// <summary>The change generation that last set the mark (<see cref="ChangeGeneration"/>): a settle clears only marks its snapshot saw.</summary>
    public long Generation { get; set; }

    public static string KeyOf(string kind, string site, string period) => $"{kind}|{site}|{period}";
}

/// <summary>A stored record still without a place in time: kept apart so finding them never scans the records.</summary>
public sealed class UnplacedRecord
{
    /// <summary>The record's key (StoredRecord.Id).</summary>
    public string Id { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;
    public string Terminal { get; set; } = string.Empty;
    public int BootCount { get; set; }
}
