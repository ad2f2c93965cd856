namespace MealGateway.Storage;

/// <summary>
/// LiteDB's data file and write-ahead log, with the write-ahead rule enforced between them at the
/// file layer, so it holds whatever LiteDB 5.0.20 does on its own (it never syncs a log it is
/// given as a stream, and its checkpoint writes data pages in place before it syncs anything):
/// <list type="number">
/// <item>A transaction's commit mark reaches the log only after every other page of it is on the
/// device (<see cref="LogPage"/>): a log cut short never holds a committed transaction with
/// missing or torn pages, which LiteDB, having no page checksums, would replay as good.</item>
/// <item>The log is on the device before any write to the data file: a checkpoint cut short
/// leaves torn data pages, and the log that rewrites them on the next open.</item>
/// <item>The data file is on the device before the log is truncated, and the truncation is on
/// the device before the log is written again (new pages never mix with stale ones).</item>
/// </list>
/// docs/architecture.md, "Durable acknowledgement"; tests: StorePowerCutTests.
/// </summary>
public sealed class DatabaseFiles : IDisposable
{
    private readonly object order = new();

    private DatabaseFiles(DiskFile data, DiskFile log, Action? beforeDataSync)
    {
        Data = new DatabaseFile(data, this, isLog: false, beforeDataSync);
        Log = new DatabaseFile(log, this, isLog: true, beforeSync: null);
    }

    public DatabaseFile Data { get; }

    public DatabaseFile Log { get; }

    /// <summary>Opens the pair; openFile is the local disk unless a test models one. beforeDataSync lets tests watch data-file syncs.</summary>
    public static DatabaseFiles Open(string dataPath, string logPath, Func<string, DiskFile>? openFile = null, Action? beforeDataSync = null)
    {
        openFile ??= DiskFile.Open;
        var data = openFile(dataPath);
        try
        {
            return new DatabaseFiles(data, openFile(logPath), beforeDataSync);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Data.Dispose();
        Log.Dispose();
    }

    internal void Write(DatabaseFile file, long position, byte[] buffer, int offset, int count)
    {
        lock (order)
        {
            if (!file.IsLog)
            {
                SyncIfNeeded(Log); // rule 2
                file.WriteNow(position, buffer, offset, count);
            }
            else if (LogPage.IsCommitMark(position, buffer, offset, count))
            {
                // Rule 1: the page goes out unmarked with the rest of its transaction, then the
                // sector holding the mark, which a disk writes whole or not at all.
                file.WriteNow(position, LogPage.Unmarked(buffer, offset), 0, count);
                file.SyncNow();
                file.WriteNow(position, buffer, offset, LogPage.MarkSectorSize);
            }
            else
            {
                file.WriteNow(position, buffer, offset, count);
            }
        }
    }

    internal void SetLength(DatabaseFile file, long length)
    {
        lock (order)
        {
            if (file.IsLog)
            {
                SyncIfNeeded(Data); // rule 3
                file.SetLengthNow(length);
                file.SyncNow();
            }
            else
            {
                SyncIfNeeded(Log); // rule 2
                file.SetLengthNow(length);
            }
        }
    }

    internal void Sync(DatabaseFile file)
    {
        lock (order)
        {
            file.SyncNow();
        }
    }

    private static void SyncIfNeeded(DatabaseFile file)
    {
        if (file.Unsynced)
        {
            file.SyncNow();
        }
    }
}
