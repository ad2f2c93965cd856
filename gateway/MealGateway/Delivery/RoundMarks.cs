using LiteDB;
using MealGateway.Storage;
using MealTerminal.Core.Meals;

namespace MealGateway.Delivery;

/// <summary>
/// Ingest's part of home delivery: learns a terminal's round markers (VerdictCode.DeliveryRound) and
/// puts each door record in its round - the newest marker below its sequence, which must be a start -
/// with the courier who opened it; the round documents are counted in the same transaction as the
/// records. A terminal uploads its ledger in order, so a round's start marker is stored before its
/// deliveries; a door record without one is counted and listed (AnomalyKind.DeliveryWithoutRound).
/// </summary>
internal sealed class RoundMarks(LiteDatabase db)
{
    /// <summary>Markers kept per terminal: enough for the rounds of any backlog in flight.</summary>
    private const int Kept = 32;

    private readonly ILiteCollection<DeliveryRound> rounds = db.GetCollection<DeliveryRound>(MealStore.RoundsName);
    private readonly Dictionary<string, DeliveryRound> touched = new();

    /// <summary>A round marker: kept on the terminal's state, and the round document opened or closed.</summary>
    public void Learn(TerminalState state, StoredRecord marker)
    {
        bool start = marker.Period == VerdictCode.RoundStart;
        state.RoundMarks.Add(new RoundMark { Sequence = marker.Sequence, Courier = marker.ElderId, Start = start });
        state.RoundMarks.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        if (state.RoundMarks.Count > Kept)
        {
            state.RoundMarks.RemoveRange(0, state.RoundMarks.Count - Kept);
        }

        if (start)
        {
            var round = RoundOf(marker.Site, marker.Terminal, marker.Sequence);
            round.Courier = marker.ElderId;
        }
        else if (OpenBefore(state, marker.Sequence) is { } open)
        {
            RoundOf(marker.Site, marker.Terminal, open.Sequence).EndSequence = marker.Sequence;
        }
    }

    /// <summary>Puts a door record in its round; false when there is none (the caller flags it).</summary>
    public bool Assign(TerminalState state, StoredRecord record)
    {
        if (OpenBefore(state, record.Sequence) is not { } open)
        {
            return false;
        }

        (record.Round, record.Courier) = (open.Sequence, open.Courier);
        return true;
    }

    /// <summary>A counted delivery (placed in time) adds to its round.</summary>
    public void Count(StoredRecord record)
    {
        if (!record.AtDoor || record.Round == 0 || !VerdictCode.IsMeal(record.Verdict))
        {
            return;
        }

        var round = RoundOf(record.Site, record.Terminal, record.Round);
        round.Delivered++;
        round.Unregistered += record.Unregistered ? 1 : 0;
        round.Day ??= record.Day;
    }

    public void Write() => rounds.Upsert(touched.Values);

    private static RoundMark? OpenBefore(TerminalState state, long sequence)
    {
        var newest = state.RoundMarks.LastOrDefault(m => m.Sequence < sequence);
        return newest is { Start: true } ? newest : null;
    }

    private DeliveryRound RoundOf(string site, string terminal, long start)
    {
        string id = DeliveryRound.KeyOf(site, terminal, start);
        if (!touched.TryGetValue(id, out var round))
        {
            round = rounds.FindById(id) ?? new DeliveryRound { Id = id, Site = site, Terminal = terminal, StartSequence = start };
            touched[id] = round;
        }

        return round;
    }
}
