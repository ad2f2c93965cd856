namespace MealGateway.Broker;

/// <summary>
/// A read-only view of a client's TCP stream that follows the MQTT framing (fixed header byte,
/// variable-length "remaining length", body; MQTT 3.1.1 section 2.2, 5.0 section 2.1) and fails
/// the connection as soon as a packet announces more than the limit. MQTTnet reads the remaining
/// length a byte at a time and only then allocates the body, so the failure comes before any
/// buffer for the oversized packet exists (a terminal's credentials once pushed a 100 MB publish
/// and took the gateway from 172 to 783 MB).
/// </summary>
public sealed class PacketSizeLimit(Stream inner, int maxPacketBytes, Action<long> onOversize) : Stream
{
    private enum Part { FixedHeader, RemainingLength, Body }

    private Part part = Part.FixedHeader;
    private long remaining;
    private int shift;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await inner.ReadAsync(buffer, cancellationToken);
        Follow(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = inner.Read(buffer, offset, count);
        Follow(buffer.AsSpan(offset, read));
        return read;
    }

    private void Follow(ReadOnlySpan<byte> bytes)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            switch (part)
            {
                case Part.FixedHeader:
                    (part, remaining, shift) = (Part.RemainingLength, 0, 0);
                    i++;
                    break;
                case Part.RemainingLength:
                    byte b = bytes[i++];
                    remaining |= (long)(b & 0x7F) << shift;
                    shift += 7;
                    if (remaining > maxPacketBytes || (b & 0x80) != 0 && shift >= 28)
                    {
                        onOversize(remaining);
                        throw new IOException($"MQTT packet of at least {remaining} bytes exceeds the limit of {maxPacketBytes}");
                    }

                    if ((b & 0x80) == 0)
                    {
                        part = remaining == 0 ? Part.FixedHeader : Part.Body;
                    }

                    break;
                default:
                    int skip = (int)Math.Min(remaining, bytes.Length - i);
                    i += skip;
                    remaining -= skip;
                    if (remaining == 0)
                    {
                        part = Part.FixedHeader;
                    }

                    break;
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
