using MealGateway.Storage;

namespace MealGateway.Tests.Storage.PowerCut;

/// <summary>
/// A storage device that remembers everything done to it, in order: each write (with its bytes),
/// each length change and each sync, of every file. <see cref="CrashImage"/> turns a prefix of
/// this journal into what a disk would hold after losing power at that point.
/// </summary>
public sealed class DiskJournal
{
    private readonly List<DiskOperation> operations = new();
    private readonly Dictionary<string, RecordingFile> files = new();

    /// <summary>Operations so far (a consistent snapshot).</summary>
    public int Count
    {
        get
        {
            lock (operations)
            {
                return operations.Count;
            }
        }
    }

    public IReadOnlyList<DiskOperation> Operations
    {
        get
        {
            lock (operations)
            {
                return operations.ToList();
            }
        }
    }

    /// <summary>A device whose files already hold the given content (a crash image), nothing journalled yet.</summary>
    public static DiskJournal Holding(IReadOnlyDictionary<string, byte[]> image)
    {
        var journal = new DiskJournal();
        foreach (var (name, content) in image)
        {
            journal.files[name] = new RecordingFile(journal, name) { Content = content.ToArray() };
        }

        return journal;
    }

    /// <summary>Opens (or reopens) a file of this device; its content is everything written so far, synced or not.</summary>
    public DiskFile Open(string path)
    {
        string name = Path.GetFileName(path);
        lock (operations)
        {
            if (!files.TryGetValue(name, out var file))
            {
                file = new RecordingFile(this, name);
                files[name] = file;
            }

            return file;
        }
    }

    private void Record(DiskOperation operation)
    {
        lock (operations)
        {
            operations.Add(operation);
        }
    }

    private sealed class RecordingFile(DiskJournal journal, string name) : DiskFile
    {
        private byte[] content = [];

        public byte[] Content { set => content = value; }

        public override long Length
        {
            get
            {
                lock (this)
                {
                    return content.Length;
                }
            }
        }

        public override int Read(long position, byte[] buffer, int offset, int count)
        {
            lock (this)
            {
                int n = (int)Math.Clamp(content.Length - position, 0, count);
                if (n > 0)
                {
                    Array.Copy(content, position, buffer, offset, n);
                }

                return n; // past the end a file reads nothing, as a real one does
            }
        }

        public override void Write(long position, byte[] buffer, int offset, int count)
        {
            lock (this)
            {
                var bytes = buffer.AsSpan(offset, count).ToArray();
                content = DiskOperation.Apply(content, DiskOperation.Write(name, position, bytes));
                journal.Record(DiskOperation.Write(name, position, bytes));
            }
        }

        public override void SetLength(long length)
        {
            lock (this)
            {
                content = DiskOperation.Apply(content, DiskOperation.Truncate(name, length));
                journal.Record(DiskOperation.Truncate(name, length));
            }
        }

        public override void Sync()
        {
            lock (this)
            {
                journal.Record(DiskOperation.Sync(name));
            }
        }

        public override void Dispose()
        {
            // The device outlives the database that opened it: reopening sees the same content.
        }
    }
}

public enum DiskOperationKind
{
    Write,
    SetLength,
    Sync,
}

/// <summary>One thing done to a file of the device.</summary>
public sealed record DiskOperation(DiskOperationKind Kind, string File, long Position, byte[] Bytes)
{
    public static DiskOperation Write(string file, long position, byte[] bytes) => new(DiskOperationKind.Write, file, position, bytes);

    public static DiskOperation Truncate(string file, long length) => new(DiskOperationKind.SetLength, file, length, []);

    public static DiskOperation Sync(string file) => new(DiskOperationKind.Sync, file, 0, []);

    /// <summary>A file's content after this operation (a write past the end leaves zeros in the gap).</summary>
    public static byte[] Apply(byte[] content, DiskOperation operation)
    {
        switch (operation.Kind)
        {
            case DiskOperationKind.Write:
                long end = operation.Position + operation.Bytes.Length;
                if (end > content.Length)
                {
                    Array.Resize(ref content, (int)end);
                }

                operation.Bytes.CopyTo(content, operation.Position);
                return content;
            case DiskOperationKind.SetLength:
                Array.Resize(ref content, (int)operation.Position);
                return content;
            default:
                return content;
        }
    }
}
