namespace MealGateway.Storage;

/// <summary>
/// One of the two files LiteDB writes (its data file or its write-ahead log), handed to it as a
/// stream over a <see cref="DiskFile"/> so that the gateway, not LiteDB, decides when bytes must be
/// on the device. The pair is made by <see cref="DatabaseFiles"/>, which enforces the write-ahead
/// rule between them (docs/architecture.md, "Durable acknowledgement").
/// </summary>
public sealed class DatabaseFile : Stream
{
    private readonly DiskFile file;
    private readonly DatabaseFiles pair;
    private readonly Action? beforeSync;
    private long position;
    private long syncs;

    internal DatabaseFile(DiskFile file, DatabaseFiles pair, bool isLog, Action? beforeSync)
    {
        this.file = file;
        this.pair = pair;
        IsLog = isLog;
        this.beforeSync = beforeSync;
    }

    public bool IsLog { get; }

    /// <summary>Completed syncs to the storage device (fsync on Linux).</summary>
    public long Syncs => Interlocked.Read(ref syncs);

    /// <summary>True while something written or truncated is not yet known to be on the device.</summary>
    internal bool Unsynced { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => file.Length;

    public override long Position { get => position; set => position = value; }

    /// <summary>
    /// LiteDB flushes the data file at the end of a checkpoint (a sync: what an acknowledgement
    /// waits for) and the log whenever its writer drains (nothing to do: the pair syncs the log
    /// when the write-ahead rule needs it, not once per page).
    /// </summary>
    public override void Flush()
    {
        if (!IsLog)
        {
            pair.Sync(this);
        }
    }

    /// <summary>Copies the file's bytes by position, leaving LiteDB's stream position alone (online backup).</summary>
    internal void CopyAllTo(Stream destination)
    {
        var buffer = new byte[1 << 16];
        long length = file.Length;
        for (long at = 0; at < length;)
        {
            int read = file.Read(at, buffer, 0, (int)Math.Min(buffer.Length, length - at));
            if (read <= 0)
            {
                break;
            }

            destination.Write(buffer, 0, read);
            at += read;
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = file.Read(position, buffer, offset, count);
        position += read;
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        pair.Write(this, position, buffer, offset, count);
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

    public override void SetLength(long value) => pair.SetLength(this, value);

    /// <summary>The device operations, called by the pair under its lock.</summary>
    internal void WriteNow(long at, byte[] buffer, int offset, int count)
    {
        file.Write(at, buffer, offset, count);
        Unsynced = true;
    }

    internal void SetLengthNow(long length)
    {
        file.SetLength(length);
        Unsynced = true;
    }

    internal void SyncNow()
    {
        beforeSync?.Invoke();
        file.Sync();
        Unsynced = false;
        Interlocked.Increment(ref syncs);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }
}
