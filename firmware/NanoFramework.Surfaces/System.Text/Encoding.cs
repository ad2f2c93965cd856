// Reference surface of NuGet package nanoFramework.System.Text 1.3.x (assembly nanoFramework.System.Text):
// System.Text.Encoding and UTF8Encoding. nanoFramework has UTF-8 only (no GBK, no ASCII/Unicode encodings).
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
    }

    public class UTF8Encoding : Encoding
    {
        public UTF8Encoding() { }
    }
}
