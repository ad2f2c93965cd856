namespace MealGateway.Storage;

/// <summary>
/// One of the two files LiteDB writes, handed to it as a stream so that the gateway decides what a
/// flush means. LiteDB 5.0.20 calls Flush() on its log after every drained write queue (often once
/// per page) and on its data file at the end of a checkpoint (docs/architecture.md, "Durable
/// acknowledgement"). The data file syncs to the device on Flush(): that is the one fsync an
/// acknowledgement waits for. The log only hands its bytes to the OS: it holds nothing acknowledged.
/// </summary>
public sealed class DatabaseFile : FileStream
{
    private readonly bool syncOnFlush;
    private readonly Action? beforeSync;
    private long syncs;

    private DatabaseFile(string path, bool syncOnFlush, Action? beforeSync)
        : base(path, Options())
    {
        this.syncOnFlush = syncOnFlush;
        this.beforeSync = beforeSync;
    }

    /// <summary>Elders' data: created owner-only (0600) outside Windows (docs/security.md).</summary>
    private static FileStreamOptions Options()
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 1 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = DataFiles.FileMode;
        }

        return options;
    }

    /// <summary>Completed syncs to the storage device (fsync on Linux).</summary>
    public long Syncs => Interlocked.Read(ref syncs);

    /// <summary>The data file: every Flush() is an fsync. beforeSync lets tests watch or hold it.</summary>
    public static DatabaseFile Data(string path, Action? beforeSync = null) => new(path, syncOnFlush: true, beforeSync);

    /// <summary>The write-ahead log: Flush() reaches the OS only.</summary>
    public static DatabaseFile Log(string path) => new(path, syncOnFlush: false, beforeSync: null);

    public override void Flush() => Flush(syncOnFlush);

    public override void Flush(bool flushToDisk)
    {
        if (!flushToDisk)
        {
            base.Flush(false);
            return;
        }

        beforeSync?.Invoke();
        base.Flush(true);
        Interlocked.Increment(ref syncs);
    }
}
