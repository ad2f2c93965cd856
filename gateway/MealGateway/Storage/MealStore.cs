using LiteDB;
using MealGateway.Ingest;
using MealGateway.Periods;
using MealTerminal.Core.Meals;

namespace MealGateway.Storage;

/// <summary>
/// The gateway's LiteDB database: records stored once per (site, terminal, sequence), the
/// contiguous prefix per terminal that is acknowledged, and tallies kept up to date in the same
/// transaction as the records they count.
/// </summary>
public sealed class MealStore : IDisposable
{
    internal const string RecordsName = "records";
    internal const string TerminalsName = "terminals";
    internal const string TalliesName = "tallies";
    internal const string EldersName = "elders";
    internal const string ElderDeltasName = "elder_deltas";
    internal const string AnomaliesName = "anomalies";
    internal const string AnchorsName = "anchors";
    internal const string DirtyName = "dirty";
    internal const string UnplacedName = "unplaced";
    internal const string RoundsName = "rounds";

    private readonly LiteDatabase db;
    private readonly ILiteCollection<StoredRecord> records;
    private readonly ILiteCollection<TerminalState> terminals;
    private readonly ILiteCollection<SiteMonthTally> tallies;
    private readonly object gate = new();
    private readonly DatabaseFiles files;
    private long writeGeneration;

    /// <param name="openFile">How the database's two files are opened: the local disk unless a test models one.</param>
    public MealStore(string dataDirectory, int utcOffsetMinutes, Action? beforeDataFileSync = null, Func<string, DiskFile>? openFile = null)
    {
        Directory.CreateDirectory(dataDirectory);
        DatabasePath = Path.Combine(dataDirectory, "meals.db");
        UtcOffsetMinutes = utcOffsetMinutes;
        files = DatabaseFiles.Open(DatabasePath, Path.Combine(dataDirectory, "meals-log.db"), openFile, beforeDataFileSync);
        db = new LiteDatabase(files.Data, logStream: files.Log);

        // What a crash left in the log goes into the data file now: committed transactions whole,
        // the unfinished one's pages dropped before anything is written after them.
        db.Checkpoint();
        records = db.GetCollection<StoredRecord>(RecordsName);
        terminals = db.GetCollection<TerminalState>(TerminalsName);
        tallies = db.GetCollection<SiteMonthTally>(TalliesName);
        tallies.EnsureIndex(t => t.Month);
        db.GetCollection<ElderMonthCell>(EldersName).EnsureIndex(e => e.Month);
        db.GetCollection<ElderMealDelta>(ElderDeltasName).EnsureIndex(e => e.Month);
        db.GetCollection<AnomalyRecord>(AnomaliesName).EnsureIndex(a => a.Day);
    }

    /// <summary>The gateway's meal periods by period code (Periods/PeriodCatalogue): names and per-elder limits. A database read each time: read it once per loop.</summary>
    public MealPeriod[] Periods => Read(PeriodCatalogue.Read);

    public string DatabasePath { get; }

    public int UtcOffsetMinutes { get; }

    /// <summary>
    /// Stores a decoded batch: new sequences are inserted and tallied, ones already stored are
    /// ignored. Returns the terminal's contiguous stored prefix, the value to acknowledge.
    /// </summary>
    public long StoreBatch(string site, DecodedBatch batch, DateTime receivedUtc) =>
        StoreBatches([new IncomingBatch(site, batch)], receivedUtc)[0];

    /// <summary>Stores one batch and returns the whole answer: status, acknowledgement and epoch.</summary>
    public BatchOutcome Store(string site, DecodedBatch batch, DateTime receivedUtc) =>
        StoreGroup([new IncomingBatch(site, batch)], receivedUtc)[0];

    /// <summary>As StoreGroup, each batch's acknowledgement only (in its terminal's numbering).</summary>
    public long[] StoreBatches(IReadOnlyList<IncomingBatch> group, DateTime receivedUtc) =>
        StoreGroup(group, receivedUtc).Select(o => o.Acknowledged).ToArray();

    /// <summary>
    /// Stores a group of batches (from any terminals) in one transaction and returns only when the
    /// group is durable: committed, checkpointed into the data file and that file synced
    /// (docs/architecture.md, "Durable acknowledgement"). Returns, per batch, its status and its
    /// terminal's contiguous prefix after the whole group: each may be acknowledged. A batch refused
    /// as an identity conflict stores no record.
    /// </summary>
    public BatchOutcome[] StoreGroup(IReadOnlyList<IncomingBatch> group, DateTime receivedUtc)
    {
        lock (gate)
        {
            var versions = new ConfigVersions(db, UtcOffsetMinutes);
            var placement = new Placement(db, versions);
            var writer = new BatchWriter(db, placement, versions, (site, terminal, r, key) => ToStored(site, terminal, r, key, receivedUtc));
            var statuses = new BatchRejection[group.Count];
            db.BeginTrans();
            try
            {
                for (int i = 0; i < group.Count; i++)
                {
                    statuses[i] = writer.Add(group[i], receivedUtc);
                }

                writer.Write(receivedUtc);
                Interlocked.Increment(ref writeGeneration);
                db.Commit();
            }
            catch
            {
                db.Rollback();
                throw;
            }

            db.Checkpoint();
            return group.Select((b, i) => writer.OutcomeOf(b, statuses[i])).ToArray();
        }
    }

    /// <summary>The contiguous prefix stored (and durable) for a terminal, in its own numbering; 0 when none.</summary>
    public long AcknowledgedOf(string site, string terminal) => AnswerOf(site, terminal).Acknowledged;

    /// <summary>What a terminal is answered without storing: its prefix in its own numbering and the epoch the gateway knows.</summary>
    public BatchOutcome AnswerOf(string site, string terminal)
    {
        lock (gate)
        {
            var state = terminals.FindById($"{site}/{terminal}");
            return state is null ? default : new BatchOutcome(BatchRejection.None, LedgerIdentity.AcknowledgedOf(state), (uint)state.Epoch);
        }
    }

    /// <summary>
    /// An operator accepts the ledger epoch a terminal's refused batches carry (after checking the
    /// terminal was really replaced or wiped): its sequences are stored from then on, above every
    /// stored one. Durable before it returns, like a batch.
    /// </summary>
    public EpochAcceptance AcceptEpoch(string site, string terminal, string acceptedBy, DateTime nowUtc) => Durably(db =>
    {
        var collection = db.GetCollection<TerminalState>(TerminalsName);
        var state = collection.FindById($"{site}/{terminal}");
        if (state?.ConflictEpoch is null)
        {
            return new EpochAcceptance(state is null ? EpochAcceptanceStatus.NoSuchTerminal : EpochAcceptanceStatus.NoConflict, null);
        }

        var change = LedgerIdentity.Accept(state, acceptedBy, nowUtc);
        collection.Update(state);
        return new EpochAcceptance(EpochAcceptanceStatus.Accepted, change);
    });

    /// <summary>
    /// Grows by one with every write transaction (stored batches and every <see cref="Durably{T}"/>
    /// write), before it commits and under the store's lock. What is computed from the database
    /// and kept in memory (the day's absent list, Welfare/TodaysAbsentList) is current while this
    /// is the value read before computing it.
    /// </summary>
    public long WriteGeneration => Interlocked.Read(ref writeGeneration);

    /// <summary>fsyncs of the data file so far (one per stored group).</summary>
    public long DataFileSyncs => files.Data.Syncs;

    /// <summary>A day's tally cells (day as yyyy-MM-dd).</summary>
    public IReadOnlyList<TallyCell> TalliesForDay(string day)
    {
        lock (gate)
        {
            int dayOfMonth = int.Parse(day[8..]);
            string month = day[..7];
            return tallies.Find(t => t.Month == month).SelectMany(t => t.Cells(dayOfMonth))
                .OrderBy(t => t.Site).ThenBy(t => t.Period).ThenBy(t => t.Category).ToList();
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

    /// <summary>
    /// Runs work in one transaction and returns when it is durable (committed, checkpointed and
    /// synced, as for batches). Used by settlement so a revision and its outbox entry land together.
    /// </summary>
    internal T Durably<T>(Func<LiteDatabase, T> work)
    {
        lock (gate)
        {
            db.BeginTrans();
            T result;
            try
            {
                result = work(db);
                Interlocked.Increment(ref writeGeneration);
                db.Commit();
            }
            catch
            {
                db.Rollback();
                throw;
            }

            db.Checkpoint();
            return result;
        }
    }

    /// <summary>A month's per-elder cells with every meal stored so far (<see cref="ElderCells"/>).</summary>
    public IReadOnlyList<ElderMonthCell> ElderCellsOf(string month) => Read(db => ElderCells.ForMonth(db, month));

    /// <summary>Applies a month's waiting elder-meal deltas to its cells, durably; returns how many were folded.</summary>
    public int FoldElderMeals(string month) => Durably(db => ElderCells.Fold(db, month));

    /// <summary>
    /// Writes a consistent copy of the database while the gateway runs: under the store's lock no
    /// batch or statement is being written, and after a checkpoint the data file alone holds every
    /// committed transaction (docs/deploy.md, "Backup"). Ingest waits for the length of the copy.
    /// </summary>
    public void CopyTo(Stream destination)
    {
        lock (gate)
        {
            db.Checkpoint();
            files.Data.CopyAllTo(destination);
        }
    }

    /// <summary>Reads under the store's lock.</summary>
    internal T Read<T>(Func<LiteDatabase, T> read)
    {
        lock (gate)
        {
            return read(db);
        }
    }

    /// <summary>Records still without a place in time (no valid clock, no anchor yet), per terminal and boot.</summary>
    public IReadOnlyList<StoredRecord> PendingRecords(string? site = null)
    {
        lock (gate)
        {
            return db.GetCollection<UnplacedRecord>(UnplacedName).FindAll().Where(u => site is null || u.Site == site)
                .Select(u => records.FindById(u.Id)).Where(r => r is not null)
                .OrderBy(r => r.Site).ThenBy(r => r.Terminal).ThenBy(r => r.Sequence).ToList();
        }
    }

    /// <summary>Anomalies recorded at ingest for a site (all sites when null) in a month (yyyy-MM), plus those without a day.</summary>
    public IReadOnlyList<AnomalyRecord> Anomalies(string? site, string month)
    {
        lock (gate)
        {
            return db.GetCollection<AnomalyRecord>(AnomaliesName)
                .Find(Query.Or(Query.StartsWith(nameof(AnomalyRecord.Day), month + "-"), Query.EQ(nameof(AnomalyRecord.Day), BsonValue.Null)))
                .Where(a => site is null || a.Site == site)
                .OrderBy(a => a.Site).ThenBy(a => a.Day).ThenBy(a => a.Terminal).ThenBy(a => a.Sequence).ToList();
        }
    }

    public void Dispose()
    {
        db.Dispose();
        files.Dispose();
    }

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
            AtDoor = r.AtDoor, Unregistered = r.AtDoor && r.Unregistered,
        };
    }
}

public enum EpochAcceptanceStatus
{
    Accepted,
    NoSuchTerminal,
    NoConflict,
}

/// <summary>The answer to an operator's reset-epoch: what changed, when accepted.</summary>
public sealed record EpochAcceptance(EpochAcceptanceStatus Status, EpochChange? Change);
