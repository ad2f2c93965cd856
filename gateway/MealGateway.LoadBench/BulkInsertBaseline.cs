using System.Diagnostics;
using LiteDB;
using MealGateway.Storage;

namespace MealGateway.LoadBench;

/// <summary>
/// The storage limits to compare with: the same documents inserted with LiteDB's InsertBulk into a
/// fresh database (same collection and index as the gateway), then a checkpoint so the time
/// includes making them durable once. "Plain" opens the file the default way (LiteDB then fsyncs
/// its log as its writer drains, often per page); "gateway files" opens it on the gateway's
/// DatabaseFile streams (one fsync, at the checkpoint): the stricter limit.
/// </summary>
public static class BulkInsertBaseline
{
    public static double PlainRecordsPerSecond(string directory, int terminals, int backlog)
    {
        Directory.CreateDirectory(directory);
        var watch = Stopwatch.StartNew();
        using (var db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(directory, "bulk.db"), Connection = ConnectionType.Direct }))
        {
            Insert(db, terminals, backlog);
        }

        return terminals * (double)backlog / watch.Elapsed.TotalSeconds;
    }

    public static double GatewayFilesRecordsPerSecond(string directory, int terminals, int backlog)
    {
        Directory.CreateDirectory(directory);
        var watch = Stopwatch.StartNew();
        using (var files = DatabaseFiles.Open(Path.Combine(directory, "bulk.db"), Path.Combine(directory, "bulk-log.db")))
        using (var db = new LiteDatabase(files.Data, logStream: files.Log))
        {
            Insert(db, terminals, backlog);
        }

        return terminals * (double)backlog / watch.Elapsed.TotalSeconds;
    }

    private static void Insert(LiteDatabase db, int terminals, int backlog)
    {
        {
            var records = db.GetCollection<StoredRecord>("records");
            records.EnsureIndex(r => r.Day);
            for (int t = 0; t < terminals; t++)
            {
                records.InsertBulk(Enumerable.Range(0, backlog).Select(i => BenchRecords.Document(t, i)));
            }

            db.Checkpoint();
        }
    }
}
