using LiteDB;
using MealGateway.Ingest;
using MealTerminal.Core.Meals;

namespace MealGateway.Storage;

/// <summary>
/// The gateway's LiteDB database: records stored once per (site, terminal, sequence), the
/// contiguous prefix per terminal that is acknowledged, and tallies kept up to date in the same
/// transaction as the records they count.
/// </summary>
public sealed class MealStore : IDisposable
{
    private readonly LiteDatabase db;
    private readonly ILiteCollection<StoredRecord> records;
    private readonly ILiteCollection<TerminalState> terminals;
    private readonly ILiteCollection<TallyCell> tallies;
    private readonly object gate = new();

    public MealStore(string dataDirectory, int utcOffsetMinutes)
    {
        Directory.CreateDirectory(dataDirectory);
        DatabasePath = Path.Combine(dataDirectory, "meals.db");
        UtcOffsetMinutes = utcOffsetMinutes;
        db = new LiteDatabase(new ConnectionString { Filename = DatabasePath, Connection = ConnectionType.Direct });
        records = db.GetCollection<StoredRecord>("records");
        terminals = db.GetCollection<TerminalState>("terminals");
        tallies = db.GetCollection<TallyCell>("tallies");
        tallies.EnsureIndex(t => t.Day);
        records.EnsureIndex(r => r.Day);
    }

    public string DatabasePath { get; }

    public int UtcOffsetMinutes { get; }

    /// <summary>
    /// Stores a decoded batch: new sequences are inserted and tallied, ones already stored are
    /// ignored. Returns the terminal's contiguous stored prefix, the value to acknowledge.
    /// </summary>
    public long StoreBatch(string site, DecodedBatch batch, DateTime receivedUtc)
    {
        lock (gate)
        {
            db.BeginTrans();
            try
            {
                string terminalKey = $"{site}/{batch.TerminalId}";
                var state = terminals.FindById(terminalKey)
                    ?? new TerminalState { Id = terminalKey, Site = site, Terminal = batch.TerminalId };
                foreach (var r in batch.Records)
                {
                    string key = StoredRecord.KeyOf(site, batch.TerminalId, r.Sequence);
                    if (r.Sequence <= state.ContiguousSequence || records.FindById(key) != null)
                    {
                        continue;
                    }

                    var stored = ToStored(site, batch.TerminalId, r, key, receivedUtc);
                    records.Insert(stored);
                    state.RecordsStored++;
                    CountIn(stored);
                }

                while (records.FindById(StoredRecord.KeyOf(site, batch.TerminalId, state.ContiguousSequence + 1)) != null)
                {
                    state.ContiguousSequence++;
                }

                state.LastBatchUtc = receivedUtc;
                terminals.Upsert(state);
                db.Commit();
                return state.ContiguousSequence;
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }
    }

    public IReadOnlyList<TallyCell> TalliesForDay(string day)
    {
        lock (gate)
        {
            return tallies.Find(t => t.Day == day).OrderBy(t => t.Site).ThenBy(t => t.Period).ThenBy(t => t.Category).ToList();
        }
    }

    public IReadOnlyList<TerminalState> Terminals()
    {
        lock (gate)
        {
            return terminals.FindAll().OrderBy(t => t.Id).ToList();
        }
    }

    public IReadOnlyList<StoredRecord> RecordsOf(string site, string terminal)
    {
        lock (gate)
        {
            return records.Find(r => r.Site == site && r.Terminal == terminal).OrderBy(r => r.Sequence).ToList();
        }
    }

    public void Dispose() => db.Dispose();

    private StoredRecord ToStored(string site, string terminal, ReceivedRecord r, string key, DateTime receivedUtc)
    {
        string? day = r.ClockValid
            ? DateOnly.FromDateTime(LocalTime.FromRecordSeconds(r.Time).AddMinutes(UtcOffsetMinutes)).ToString("yyyy-MM-dd")
            : null;
        return new StoredRecord
        {
            Id = key, Site = site, Terminal = terminal, Sequence = r.Sequence, Verdict = r.Verdict,
            Period = r.Period, Category = r.Category, ClockValid = r.ClockValid, BootCount = r.BootCount,
            ElderId = r.ElderId, Time = r.Time, CardHex = r.CardHex, Day = day, ReceivedUtc = receivedUtc,
        };
    }

    /// <summary>Meals with a known day are tallied at once; records without valid time wait (docs/architecture.md).</summary>
    private void CountIn(StoredRecord record)
    {
        if (record.Day is null || !VerdictCode.IsMeal(record.Verdict))
        {
            return;
        }

        string id = TallyCell.KeyOf(record.Site, record.Day, record.Period, record.Category);
        var cell = tallies.FindById(id) ?? new TallyCell
        {
            Id = id, Site = record.Site, Day = record.Day, Period = record.Period, Category = record.Category,
        };
        cell.Meals++;
        tallies.Upsert(cell);
    }
}
