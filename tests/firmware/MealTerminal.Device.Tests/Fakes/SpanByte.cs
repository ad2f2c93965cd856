namespace System;

/// <summary>Host stand-in for nanoFramework mscorlib's SpanByte (array, start, length), enough for the adapters under test.</summary>
public readonly struct SpanByte
{
    private readonly byte[] array;
    private readonly int start;

    public SpanByte(byte[] array, int start, int length)
    {
        this.array = array;
        this.start = start;
        Length = length;
    }

    public int Length { get; }

    public byte[] ToArray() => array.AsSpan(start, Length).ToArray();
}
