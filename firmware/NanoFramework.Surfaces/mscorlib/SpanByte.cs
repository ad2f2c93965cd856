// Reference surface of nanoFramework.CoreLibrary 1.17.x (mscorlib): System.SpanByte, the non-generic
// byte span that nanoFramework 1.x uses where .NET has Span<byte> (SPI, I2C transfers).
namespace System
{
    public struct SpanByte
    {
        public SpanByte(byte[] array) { }
        public SpanByte(byte[] array, int start, int length) { }
        public static SpanByte Empty => throw null;
        public byte this[int index] { get => throw null; set { } }
        public int Length => throw null;
        public bool IsEmpty => throw null;
        public SpanByte Slice(int start) => throw null;
        public SpanByte Slice(int start, int length) => throw null;
        public byte[] ToArray() => throw null;
        public void CopyTo(SpanByte destination) { }
        public static implicit operator SpanByte(byte[] array) => throw null;
    }
}
