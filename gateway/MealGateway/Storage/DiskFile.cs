using Microsoft.Win32.SafeHandles;

namespace MealGateway.Storage;

/// <summary>
/// A file on the storage device as the database needs it: positioned reads and writes, its length,
/// and a sync that returns only when everything written so far is on the device (fsync). This is
/// the one seam between the database and the disk: tests put a model of a disk that loses power
/// here (docs/fault-tests.md, "Power cuts on the gateway").
/// </summary>
public abstract class DiskFile : IDisposable
{
    public abstract long Length { get; }

    public abstract int Read(long position, byte[] buffer, int offset, int count);

    public abstract void Write(long position, byte[] buffer, int offset, int count);

    public abstract void SetLength(long length);

    /// <summary>Everything written (and any length change) is on the device when this returns.</summary>
    public abstract void Sync();

    public virtual void Dispose()
    {
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// A file on the local disk, opened exclusively: a second gateway on the same data directory
    /// fails to start instead of writing beside the first. Elders' data: owner-only (0600) outside
    /// Windows (docs/security.md).
    /// </summary>
    public static DiskFile Open(string path) => new LocalFile(path);

    private sealed class LocalFile(string path) : DiskFile
    {
        private readonly SafeFileHandle handle = OpenOwnerOnly(path);

        private static SafeFileHandle OpenOwnerOnly(string path)
        {
            var handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(handle, DataFiles.FileMode);
            }

            return handle;
        }

        public override long Length => RandomAccess.GetLength(handle);

        public override int Read(long position, byte[] buffer, int offset, int count) =>
            RandomAccess.Read(handle, buffer.AsSpan(offset, count), position);

        public override void Write(long position, byte[] buffer, int offset, int count) =>
            RandomAccess.Write(handle, buffer.AsSpan(offset, count), position);

        public override void SetLength(long length) => RandomAccess.SetLength(handle, length);

        public override void Sync() => RandomAccess.FlushToDisk(handle);

        public override void Dispose()
        {
            handle.Dispose();
            base.Dispose();
        }
    }
}
