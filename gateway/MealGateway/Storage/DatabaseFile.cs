namespace MealGateway.Storage;

/// <summary>
/// One of the two files LiteDB writes, handed to it as a stream over a <see cref="DiskFile"/> so
/// that the gateway decides what a flush means. LiteDB 5.0.20 calls Flush() on its log after every
/// drained write queue (often once per page) and on its data file at the end of a checkpoint
/// (docs/architecture.md, "Durable acknowledgement"). The data file syncs to the device on
/// Flush(): that is the one fsync an acknowledgement waits for. The log's Flush() does nothing:
/// its bytes are already with the OS.
/// </summary>
public sealed class DatabaseFile : Stream
{
    private readonly DiskFile file;
    private readonly bool syncOnFlush;
    private readonly Action? beforeSync;
    private long position;
    private long syncs;

    private DatabaseFile(DiskFile file, bool syncOnFlush, Action? beforeSync)
    {
        this.file = file;
        this.syncOnFlush = syncOnFlush;
        this.beforeSync = beforeSync;
    }

    /// <summary>Completed syncs to the storage device (fsync on Linux).</summary>
    public long Syncs => Interlocked.Read(ref syncs);

    /// <summary>The data file: every Flush() is an fsync. beforeSync lets tests watch or hold it.</summary>
    public static DatabaseFile Data(string path, Action? beforeSync = null) => Data(DiskFile.Open(path), beforeSync);

    public static DatabaseFile Data(DiskFile file, Action? beforeSync = null) => new(file, syncOnFlush: true, beforeSync);

    /// <summary>The write-ahead log: Flush() reaches the OS only.</summary>
    public static DatabaseFile Log(string path) => Log(DiskFile.Open(path));

    public static DatabaseFile Log(DiskFile file) => new(file, syncOnFlush: false, beforeSync: null);

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => file.Length;

    public override long Position { get => position; set => position = value; }

    public override void Flush()
    {
        if (!syncOnFlush)
        {
            return;
        }

        beforeSync?.Invoke();
        file.Sync();
        Interlocked.Increment(ref syncs);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = file.Read(position, buffer, offset, count);
        position += read;
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        file.Write(position, buffer, offset, count);
        position += count;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => file.Length + offset,
        };
        return position;
    }

    public override void SetLength(long value) => file.SetLength(value);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }
}
