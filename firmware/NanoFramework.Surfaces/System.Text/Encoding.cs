// Reference surface of NuGet package nanoFramework.System.Text 1.3.42 (assembly nanoFramework.System.Text),
// read from nanoframework/System.Text at tag v1.3.42 (Text/Encoding.cs, UTF8Encoding.cs, Decoder.cs).
// nanoFramework has UTF-8 only (no GBK, no ASCII/Unicode encodings). Note: the real Encoding.UTF8 returns
// a new UTF8Encoding on every call, so it allocates: keep it out of the tap path.
namespace System.Text
{
    public abstract class Encoding
    {
        public static Encoding UTF8 => throw null;
        public virtual byte[] GetBytes(string s) => throw null;
        public virtual int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw null;
        public virtual char[] GetChars(byte[] bytes) => throw null;
        public virtual char[] GetChars(byte[] bytes, int byteIndex, int byteCount) => throw null;
        // Only the (bytes, index, count) overload: write Encoding.UTF8.GetString(buffer, 0, length).
        public virtual string GetString(byte[] bytes, int index, int count) => throw null;
        public abstract Decoder GetDecoder();
    }

    public class UTF8Encoding : Encoding
    {
        public UTF8Encoding() { }
        public override Decoder GetDecoder() => throw null;
    }

    public abstract class Decoder
    {
        public abstract void Convert(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, int charCount, bool flush,
            out int bytesUsed, out int charsUsed, out bool completed);
    }
}
