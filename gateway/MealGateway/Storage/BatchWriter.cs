using LiteDB;
using MealGateway.Ingest;
using MealTerminal.Core.Meals;

namespace MealGateway.Storage;

/// <summary>A decoded batch and the site its topic named.</summary>
public sealed record IncomingBatch(string Site, DecodedBatch Batch);

/// <summary>
/// Writes a group of batches inside one open transaction: each (site, terminal, sequence) once,
/// the contiguous prefix per terminal, placement of records without valid time, and the counts
/// and anomalies (<see cref="CountBook"/>). Lookups are skipped above the highest sequence a
/// terminal has stored.
/// </summary>
internal sealed class BatchWriter(
    LiteDatabase db, Placement placement, Func<string, string, ReceivedRecord, string, StoredRecord> toStored, ElderCellDirectory cells)
{
    /// <summary>A clock this far behind the terminal's previous record of the same boot counts as a jump.</summary>
    private const long JumpBackSeconds = 120;

    /// <summary>A record this far ahead of the gateway's clock counts as a clock jump forward.</summary>
    private const long AheadSeconds = 600;

    private readonly ILiteCollection<StoredRecord> records = db.GetCollection<StoredRecord>(MealStore.RecordsName);
    private readonly ILiteCollection<TerminalState> terminals = db.GetCollection<TerminalState>(MealStore.TerminalsName);
    private readonly ILiteCollection<UnplacedRecord> unplaced = db.GetCollection<UnplacedRecord>(MealStore.UnplacedName);
    private readonly CountBook book = new(db, cells);
    private readonly Dictionary<string, TerminalState> states = new();
    private readonly Dictionary<string, long> highestBefore = new();
    private readonly HashSet<string> insertedKeys = new();
    private readonly List<StoredRecord> pending = new();
    private readonly List<StoredRecord> placedLater = new();

    /// <summary>Adds one batch; returns the terminal's contiguous prefix after it.</summary>
    public long Add(IncomingBatch incoming, DateTime receivedUtc)
    {
        var (site, batch) = (incoming.Site, incoming.Batch);
        var state = StateOf(site, batch.TerminalId);
        long highest = highestBefore[state.Id];
        foreach (var r in batch.Records)
        {
            string key = StoredRecord.KeyOf(site, batch.TerminalId, r.Sequence);
            if (r.Sequence <= state.ContiguousSequence || IsStored(key, r.Sequence, highest))
            {
                continue;
            }

            var stored = toStored(site, batch.TerminalId, r, key);
            pending.Add(stored);
            insertedKeys.Add(key);
            state.RecordsStored++;
            state.HighestSequence = Math.Max(state.HighestSequence, r.Sequence);
            Take(state, stored, receivedUtc);
        }

        while (state.ContiguousSequence < state.HighestSequence
            && IsStored(StoredRecord.KeyOf(site, batch.TerminalId, state.ContiguousSequence + 1), state.ContiguousSequence + 1, highest))
        {
            state.ContiguousSequence++;
        }

        return state.ContiguousSequence;
    }

    /// <summary>A terminal's contiguous prefix as the group leaves it.</summary>
    public long ContiguousOf(string site, string terminal) => states[$"{site}/{terminal}"].ContiguousSequence;

    /// <summary>Writes what the group added; the caller commits.</summary>
    public void Write(DateTime receivedUtc)
    {
        records.InsertBulk(pending);
        records.Update(placedLater);
        unplaced.Insert(pending.Where(r => r.Day is null && !r.ClockValid)
            .Select(r => new UnplacedRecord { Id = r.Id, Site = r.Site, Terminal = r.Terminal, BootCount = r.BootCount }));
        foreach (var placed in placedLater)
        {
            unplaced.Delete(placed.Id);
        }

        foreach (var state in states.Values)
        {
            state.LastBatchUtc = receivedUtc;
        }

        terminals.Upsert(states.Values);
        placement.Write();
        book.Write();
    }

    /// <summary>Places, checks and counts one newly stored record.</summary>
    private void Take(TerminalState state, StoredRecord record, DateTime receivedUtc)
    {
        if (record.Verdict == VerdictCode.ClockSet)
        {
            var anchor = placement.Learn(record);
            foreach (var waiting in Unplaced(record.Site, record.Terminal, record.BootCount))
            {
                PlaceAndCount(waiting, anchor);
            }

            return;
        }

        if (!record.ClockValid)
        {
            if (placement.AnchorOf(record.Site, record.Terminal, record.BootCount) is { } anchor)
            {
                PlaceAndCount(record, anchor);
            }
            else if (AnomalyKind.OfVerdict(record.Verdict) is { } kind)
            {
                book.Flag(record, kind, AnomalyKind.VerdictName(record.Verdict));
            }

            return;
        }

        CheckClock(state, record, receivedUtc);
        if (AnomalyKind.OfVerdict(record.Verdict) is { } flagged)
        {
            book.Flag(record, flagged, AnomalyKind.VerdictName(record.Verdict));
        }

        book.Count(record);
    }

    private void PlaceAndCount(StoredRecord record, BootAnchor anchor)
    {
        if (!placement.Place(record, anchor) && VerdictCode.IsMeal(record.Verdict))
        {
            book.Flag(record, AnomalyKind.PlacedOutsidePeriod, "按开机时间推算的用餐时间不在任何供餐时段");
        }

        book.Count(record);
    }

    /// <summary>Records of a boot still waiting for their place: stored earlier, or earlier in this group.</summary>
    private IEnumerable<StoredRecord> Unplaced(string site, string terminal, int boot)
    {
        foreach (var r in pending.Where(r => r.Site == site && r.Terminal == terminal && r.BootCount == boot && !r.ClockValid && !r.Placed))
        {
            yield return r;
        }

        var stored = unplaced.Find(u => u.Site == site && u.Terminal == terminal && u.BootCount == boot).ToList()
            .Select(u => records.FindById(u.Id)).Where(r => r is not null).ToList();
        foreach (var r in stored.Where(r => !insertedKeys.Contains(r.Id) && !r.ClockValid && !r.Placed))
        {
            placedLater.Add(r);
            yield return r;
        }
    }

    private void CheckClock(TerminalState state, StoredRecord record, DateTime receivedUtc)
    {
        long gatewayNow = LocalTime.ToRecordSeconds(receivedUtc);
        if (record.Time > gatewayNow + AheadSeconds)
        {
            book.Flag(record, AnomalyKind.ClockJump, $"记录时间比网关时间快 {(record.Time - gatewayNow) / 60} 分钟");
        }

        if (record.Sequence > state.LastTimedSequence)
        {
            if (state.LastTimedSequence > 0 && state.LastTimedBoot == record.BootCount && record.Time < state.LastTimedSeconds - JumpBackSeconds)
            {
                book.Flag(record, AnomalyKind.ClockJump, $"时钟比上一条记录倒退 {(state.LastTimedSeconds - record.Time) / 60} 分钟");
            }

            (state.LastTimedSequence, state.LastTimedBoot, state.LastTimedSeconds) = (record.Sequence, record.BootCount, record.Time);
        }
    }

    private bool IsStored(string key, long sequence, long highestStoredBefore) =>
        insertedKeys.Contains(key) || (sequence <= highestStoredBefore && records.FindById(key) != null);

    private TerminalState StateOf(string site, string terminal)
    {
        string id = $"{site}/{terminal}";
        if (states.TryGetValue(id, out var known))
        {
            return known;
        }

        var state = terminals.FindById(id) ?? new TerminalState { Id = id, Site = site, Terminal = terminal };
        if (state.HighestSequence < state.ContiguousSequence || (state.HighestSequence == 0 && state.RecordsStored > 0))
        {
            // A database from before HighestSequence was kept: find it once.
            state.HighestSequence = records.Query().Where(r => r.Site == site && r.Terminal == terminal)
                .ToEnumerable().Select(r => r.Sequence).DefaultIfEmpty(0).Max();
        }

        states[id] = state;
        highestBefore[id] = state.HighestSequence;
        return state;
    }
}
