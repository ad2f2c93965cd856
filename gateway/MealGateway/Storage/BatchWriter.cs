using LiteDB;
using MealGateway.Ingest;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Sync;

namespace MealGateway.Storage;

/// <summary>A decoded batch and the site its topic named.</summary>
public sealed record IncomingBatch(string Site, DecodedBatch Batch);

/// <summary>
/// Writes a group of batches inside one open transaction: each (site, terminal, sequence) once,
/// the contiguous prefix per terminal, placement of records without valid time, and the counts
/// and anomalies (<see cref="CountBook"/>). Lookups are skipped above the highest sequence a
/// terminal has stored. A batch from another ledger than the terminal's known one is refused
/// (<see cref="LedgerIdentity"/>).
/// </summary>
internal sealed class BatchWriter(
    LiteDatabase db, Placement placement, ConfigVersions versions, Func<string, string, ReceivedRecord, string, StoredRecord> toStored)
{
    /// <summary>A clock this far behind the terminal's previous record of the same boot counts as a jump.</summary>
    private const long JumpBackSeconds = 120;

    /// <summary>A record this far ahead of the gateway's clock counts as a clock jump forward.</summary>
    private const long AheadSeconds = 600;

    private readonly ILiteCollection<StoredRecord> records = db.GetCollection<StoredRecord>(MealStore.RecordsName);
    private readonly ILiteCollection<TerminalState> terminals = db.GetCollection<TerminalState>(MealStore.TerminalsName);
    private readonly ILiteCollection<UnplacedRecord> unplaced = db.GetCollection<UnplacedRecord>(MealStore.UnplacedName);
    private readonly CountBook book = new(db);
    private readonly Delivery.RoundMarks rounds = new(db);
    private readonly Dictionary<string, TerminalState> states = new();
    private readonly Dictionary<string, long> highestBefore = new();
    private readonly Dictionary<string, StoredRecord> inserted = new();
    private readonly List<AnomalyRecord> anomalies = new();
    private readonly List<StoredRecord> pending = new();
    private readonly List<StoredRecord> placedLater = new();

    /// <summary>
    /// Adds one batch, or refuses it whole as an identity conflict (LedgerIdentity): then only the
    /// terminal's conflict note and, the first time, its anomaly are written.
    /// </summary>
    public BatchRejection Add(IncomingBatch incoming, DateTime receivedUtc)
    {
        var (site, batch) = (incoming.Site, incoming.Batch);
        var state = StateOf(site, batch.TerminalId, batch.Epoch);
        long highest = highestBefore[state.Id];
        if (LedgerIdentity.ConflictOf(state, batch, sequence => StoredAt(site, batch.TerminalId, sequence, highest)) is { } conflict)
        {
            if (LedgerIdentity.NoteRefusal(state, batch, conflict, receivedUtc))
            {
                anomalies.Add(LedgerIdentity.AnomalyOf(state, batch, conflict));
            }

            return BatchRejection.IdentityConflict;
        }

        foreach (var r in batch.Records)
        {
            long sequence = LedgerIdentity.SequenceOf(state, r.Sequence);
            string key = StoredRecord.KeyOf(site, batch.TerminalId, sequence);
            if (sequence <= state.ContiguousSequence || IsStored(key, sequence, highest))
            {
                continue;
            }

            var stored = toStored(site, batch.TerminalId, r, key);
            (stored.Sequence, stored.BootCount, stored.Epoch) = (sequence, LedgerIdentity.BootOf(state, r.BootCount), batch.Epoch);
            pending.Add(stored);
            inserted.Add(key, stored);
            state.RecordsStored++;
            state.HighestSequence = Math.Max(state.HighestSequence, sequence);
            Take(state, stored, receivedUtc);
        }

        while (state.ContiguousSequence < state.HighestSequence
            && IsStored(StoredRecord.KeyOf(site, batch.TerminalId, state.ContiguousSequence + 1), state.ContiguousSequence + 1, highest))
        {
            state.ContiguousSequence++;
        }

        return BatchRejection.None;
    }

    /// <summary>What a batch's terminal is answered as the group leaves it: its prefix in its own numbering, and its epoch.</summary>
    public BatchOutcome OutcomeOf(IncomingBatch incoming, BatchRejection status)
    {
        var state = states[$"{incoming.Site}/{incoming.Batch.TerminalId}"];
        return status == BatchRejection.None
            ? new BatchOutcome(status, LedgerIdentity.AcknowledgedOf(state), (uint)state.Epoch)
            : new BatchOutcome(status, 0, (uint)state.Epoch);
    }

    /// <summary>Writes what the group added; the caller commits.</summary>
    public void Write(DateTime receivedUtc)
    {
        records.InsertBulk(pending);
        records.Update(placedLater);
        unplaced.Insert(pending.Where(r => r.Day is null && !r.ClockValid && r.Verdict != RecordBatchCodec.GapVerdict)
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
        db.GetCollection<AnomalyRecord>(MealStore.AnomaliesName).Upsert(anomalies);
        placement.Write();
        book.Write();
        rounds.Write();
    }

    /// <summary>Places, checks and counts one newly stored record.</summary>
    private void Take(TerminalState state, StoredRecord record, DateTime receivedUtc)
    {
        if (record.Verdict == RecordBatchCodec.GapVerdict)
        {
            // Kept so the sequence is accounted for and acknowledged; no time, no meal, no tally.
            state.LedgerGaps++;
            book.Flag(record, AnomalyKind.LedgerGap, "终端账本中此序号的记录无法读出，终端已跳过；无法确定是否为用餐记录");
            return;
        }

        if (RecordChecks.Impossible(record) is { } impossible)
        {
            book.Flag(record, impossible.Kind, impossible.Detail);
            return;
        }

        if (record.Verdict == VerdictCode.DeliveryRound)
        {
            rounds.Learn(state, record);
            return;
        }

        if (record.AtDoor)
        {
            CheckDelivery(state, record);
        }

        if (record.Verdict == VerdictCode.ConfigSwitch)
        {
            if (!versions.Learn(state, record, highestBefore[state.Id]))
            {
                book.Flag(record, AnomalyKind.LateConfigSwitch, $"切换到配置版本 {record.ElderId} 的记录晚于其后的记录到达，其后已存记录按旧配置的餐别计");
            }

            return;
        }

        if (versions.Resolve(state, record) is { } unreadable)
        {
            book.Flag(record, unreadable.Kind, unreadable.Detail);
            return;
        }

        if (record.Verdict == VerdictCode.ClockSet)
        {
            var anchor = placement.Learn(record);
            foreach (var waiting in Unplaced(record.Site, record.Terminal, record.BootCount))
            {
                PlaceAndCount(waiting, anchor, receivedUtc);
            }

            return;
        }

        if (!record.ClockValid)
        {
            if (placement.AnchorOf(record.Site, record.Terminal, record.BootCount) is { } anchor)
            {
                PlaceAndCount(record, anchor, receivedUtc);
            }
            else if (AnomalyKind.OfVerdict(record.Verdict) is { } kind)
            {
                book.Flag(record, kind, AnomalyKind.VerdictName(record.Verdict));
            }

            return;
        }

        if (RecordChecks.ImplausibleTime(record.Time, receivedUtc) is { } implausible)
        {
            record.Day = null; // listed with the records that have no day, in every month's review
            book.Flag(record, AnomalyKind.ImplausibleTime, implausible);
            return;
        }

        CheckClock(state, record, receivedUtc);
        if (AnomalyKind.OfVerdict(record.Verdict) is { } flagged)
        {
            book.Flag(record, flagged, AnomalyKind.VerdictName(record.Verdict));
        }

        book.Count(record);
        rounds.Count(record);
    }

    /// <summary>A door record: put in its round; a meal to an elder not registered for delivery is listed for review.</summary>
    private void CheckDelivery(TerminalState state, StoredRecord record)
    {
        if (!rounds.Assign(state, record))
        {
            book.Flag(record, AnomalyKind.DeliveryWithoutRound, "送餐记录之前没有送餐员开始送餐的记录，已按送餐计入");
        }

        if (record.Unregistered && VerdictCode.IsMeal(record.Verdict))
        {
            book.Flag(record, AnomalyKind.DeliveryUnregistered, "名册中此老人未登记送餐上门，仍按送餐计入，请核实");
        }
    }

    private void PlaceAndCount(StoredRecord record, BootAnchor anchor, DateTime receivedUtc)
    {
        bool inPeriod = placement.Place(record, anchor);
        if (RecordChecks.ImplausibleTime(record.Time, receivedUtc) is { } implausible)
        {
            record.Day = null;
            book.Flag(record, AnomalyKind.ImplausibleTime, "按开机时间推算：" + implausible);
            return;
        }

        if (!inPeriod && VerdictCode.IsMeal(record.Verdict))
        {
            book.Flag(record, AnomalyKind.PlacedOutsidePeriod, "按开机时间推算的用餐时间不在任何供餐时段");
        }

        book.Count(record);
        rounds.Count(record);
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
        foreach (var r in stored.Where(r => !inserted.ContainsKey(r.Id) && !r.ClockValid && !r.Placed))
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
        inserted.ContainsKey(key) || (sequence <= highestStoredBefore && records.FindById(key) != null);

    /// <summary>The record stored (before or in this group) under a gateway sequence, or null; looks up only at or below the old highest.</summary>
    private StoredRecord? StoredAt(string site, string terminal, long sequence, long highestStoredBefore)
    {
        string key = StoredRecord.KeyOf(site, terminal, sequence);
        return inserted.TryGetValue(key, out var added) ? added
            : sequence <= highestStoredBefore ? records.FindById(key) : null;
    }

    /// <summary>A terminal's state; a terminal seen for the first time adopts the epoch of its first batch.</summary>
    private TerminalState StateOf(string site, string terminal, uint epoch)
    {
        string id = $"{site}/{terminal}";
        if (states.TryGetValue(id, out var known))
        {
            return known;
        }

        var state = terminals.FindById(id) ?? new TerminalState { Id = id, Site = site, Terminal = terminal, Epoch = epoch };
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
