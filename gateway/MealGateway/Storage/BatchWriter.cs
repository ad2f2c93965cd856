using LiteDB;
using MealGateway.Ingest;
using MealTerminal.Core.Meals;

namespace MealGateway.Storage;

/// <summary>A decoded batch and the site its topic named.</summary>
public sealed record IncomingBatch(string Site, DecodedBatch Batch);

/// <summary>
/// Writes a group of batches inside one open transaction: each (site, terminal, sequence) once,
/// the contiguous prefix per terminal, and the tally cells, each cell and terminal written once per
/// group. Lookups are skipped above the highest sequence a terminal has stored.
/// </summary>
internal sealed class BatchWriter(
    ILiteCollection<StoredRecord> records,
    ILiteCollection<TerminalState> terminals,
    ILiteCollection<TallyCell> tallies,
    Func<string, string, ReceivedRecord, string, StoredRecord> toStored)
{
    private readonly Dictionary<string, TerminalState> states = new();
    private readonly Dictionary<string, long> highestBefore = new();
    private readonly HashSet<string> insertedKeys = new();
    private readonly Dictionary<string, TallyCell> cells = new();
    private readonly List<StoredRecord> pending = new();

    /// <summary>Adds one batch; returns the terminal's contiguous prefix after it.</summary>
    public long Add(IncomingBatch incoming)
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
            CountIn(stored);
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
        foreach (var state in states.Values)
        {
            state.LastBatchUtc = receivedUtc;
        }

        terminals.Upsert(states.Values);
        tallies.Upsert(cells.Values);
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

    /// <summary>Meals with a known day are tallied at once; records without valid time wait (docs/architecture.md).</summary>
    private void CountIn(StoredRecord record)
    {
        if (record.Day is null || !VerdictCode.IsMeal(record.Verdict))
        {
            return;
        }

        string id = TallyCell.KeyOf(record.Site, record.Day, record.Period, record.Category);
        if (!cells.TryGetValue(id, out var cell))
        {
            cell = tallies.FindById(id) ?? new TallyCell
            {
                Id = id, Site = record.Site, Day = record.Day, Period = record.Period, Category = record.Category,
            };
            cells[id] = cell;
        }

        cell.Meals++;
    }
}
