using MealGateway.Ingest;

namespace MealGateway.Storage;

/// <summary>
/// Whether a batch belongs to the ledger the gateway knows for its terminal (docs/settlement.md,
/// "Replaced or wiped terminals"). A wiped or replaced terminal starts a new ledger epoch with
/// sequences from 1; taking those for the old ledger's sequences would drop its meals as
/// duplicates. So a batch of another epoch, or a stored sequence sent again with other content,
/// is an identity conflict: refused whole, listed once as an anomaly, until an operator accepts the
/// new epoch. Accepting maps the new epoch's sequences above everything stored before
/// (SequenceBase) and its boots apart from the old ones (Generation), so no key collides.
/// </summary>
public static class LedgerIdentity
{
    /// <summary>Stored boot counts of generation g are g × BootSpan + the terminal's u16 boot count.</summary>
    public const int BootSpan = 65536;

    /// <summary>The gateway's sequence for a terminal sequence of the current epoch.</summary>
    public static long SequenceOf(TerminalState state, uint terminalSequence) => state.SequenceBase + terminalSequence;

    public static int BootOf(TerminalState state, int terminalBoot) => (state.Generation * BootSpan) + terminalBoot;

    /// <summary>The acknowledgement in the terminal's own numbering.</summary>
    public static long AcknowledgedOf(TerminalState state) => Math.Max(0, state.ContiguousSequence - state.SequenceBase);

    /// <summary>Why the batch conflicts with what is stored (Chinese, for the anomaly), or null when it does not.</summary>
    public static string? ConflictOf(TerminalState state, DecodedBatch batch, Func<long, StoredRecord?> storedAt)
    {
        if (batch.Epoch != state.Epoch)
        {
            return $"终端上传的账本纪元 {batch.Epoch:x8} 与网关已登记的 {state.Epoch:x8} 不同（首个序号 {batch.FirstSequence}）：终端可能被更换或清空";
        }

        foreach (var r in batch.Records)
        {
            if (storedAt(SequenceOf(state, r.Sequence)) is { } stored && !SameContent(stored, r, BootOf(state, r.BootCount)) && !EitherIsGap(stored, r))
            {
                return $"序号 {r.Sequence} 已存储的记录与再次上传的内容不同（账本纪元 {batch.Epoch:x8}）：终端可能被清空或与另一终端重名";
            }
        }

        return null;
    }

    /// <summary>
    /// A gap record and a record for the same sequence are one ledger slot read on two occasions (a
    /// marginal cell can read well once and not later, or the other way round), not two ledgers:
    /// a duplicate, and what was stored first stays.
    /// </summary>
    private static bool EitherIsGap(StoredRecord stored, ReceivedRecord received) =>
        stored.Verdict == MealTerminal.Core.Sync.RecordBatchCodec.GapVerdict || received.Verdict == MealTerminal.Core.Sync.RecordBatchCodec.GapVerdict;

    /// <summary>Notes the refusal on the terminal; returns true the first time this conflict is seen (raise the anomaly then).</summary>
    public static bool NoteRefusal(TerminalState state, DecodedBatch batch, string detail, DateTime receivedUtc)
    {
        bool first = state.ConflictEpoch != batch.Epoch;
        state.ConflictEpoch = batch.Epoch;
        state.ConflictFirstSequence = batch.FirstSequence;
        state.ConflictDetail = detail;
        state.ConflictSinceUtc = first ? receivedUtc : state.ConflictSinceUtc ?? receivedUtc;
        state.BatchesRefusedForConflict++;
        return first;
    }

    /// <summary>The anomaly listed for a conflict: one per terminal, generation and refused epoch.</summary>
    public static AnomalyRecord AnomalyOf(TerminalState state, DecodedBatch batch, string detail) => new()
    {
        Id = $"{state.Site}/{state.Terminal}/epoch-{state.Generation}-{batch.Epoch:x8}/{AnomalyKind.IdentityConflict}",
        Kind = AnomalyKind.IdentityConflict, Site = state.Site, Terminal = state.Terminal, Sequence = batch.FirstSequence,
        Period = MealTerminal.Core.Ledger.MealRecord.NoPeriod,
        Detail = detail + "。记录未入库，仍保存在终端上；核实后用 terminal reset-epoch 接受新纪元",
    };

    /// <summary>
    /// The operator's acceptance: the refused epoch becomes the terminal's, its sequences counted
    /// above every stored one, starting at the refused batch's first sequence (the terminal's upload
    /// cursor + 1; below it the terminal holds nothing unacknowledged).
    /// </summary>
    public static EpochChange Accept(TerminalState state, string acceptedBy, DateTime nowUtc)
    {
        long top = Math.Max(state.HighestSequence, state.ContiguousSequence);
        var change = new EpochChange
        {
            Generation = state.Generation + 1, OldEpoch = state.Epoch, NewEpoch = state.ConflictEpoch!.Value, SequenceBase = top,
            FirstSequence = state.ConflictFirstSequence, AcceptedBy = acceptedBy, AcceptedUtc = nowUtc, Conflict = state.ConflictDetail,
        };
        state.EpochChanges.Add(change);
        state.Generation = change.Generation;
        state.Epoch = change.NewEpoch;
        state.SequenceBase = top;
        state.ContiguousSequence = top + Math.Max(0, state.ConflictFirstSequence - 1);
        state.HighestSequence = state.ContiguousSequence;
        state.ConflictEpoch = null;
        state.ConflictFirstSequence = 0;
        state.ConflictSinceUtc = null;
        state.ConflictDetail = string.Empty;
        return change;
    }

    /// <summary>
    /// What the terminal sent for a sequence; a placed record's time and period were rewritten by the
    /// gateway. LiteDB reads an empty card back as null.
    /// </summary>
    private static bool SameContent(StoredRecord stored, ReceivedRecord r, int boot) =>
        stored.Verdict == r.Verdict && stored.Category == r.Category && stored.ClockValid == r.ClockValid
        && stored.BootCount == boot && stored.ElderId == r.ElderId && (stored.CardHex ?? string.Empty) == r.CardHex
        && (stored.Placed || (stored.Time == r.Time && stored.Period == r.Period));
}
