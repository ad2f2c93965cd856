// Reference surface of nanoFramework.CoreLibrary 1.17.x (mscorlib): BitConverter, Convert, Guid, Random, GC, Console.
namespace System
{
    public static class BitConverter
    {
        public static readonly bool IsLittleEndian;
        public static byte[] GetBytes(bool value) => throw null;
        public static byte[] GetBytes(char value) => throw null;
        public static byte[] GetBytes(short value) => throw null;
        public static byte[] GetBytes(ushort value) => throw null;
        public static byte[] GetBytes(int value) => throw null;
        public static byte[] GetBytes(uint value) => throw null;
        public static byte[] GetBytes(long value) => throw null;
        public static byte[] GetBytes(ulong value) => throw null;
        public static byte[] GetBytes(float value) => throw null;
        public static byte[] GetBytes(double value) => throw null;
        public static bool ToBoolean(byte[] value, int startIndex) => throw null;
        public static char ToChar(byte[] value, int startIndex) => throw null;
        public static short ToInt16(byte[] value, int startIndex) => throw null;
        public static ushort ToUInt16(byte[] value, int startIndex) => throw null;
        public static int ToInt32(byte[] value, int startIndex) => throw null;
        public static uint ToUInt32(byte[] value, int startIndex) => throw null;
        public static long ToInt64(byte[] value, int startIndex) => throw null;
        public static ulong ToUInt64(byte[] value, int startIndex) => throw null;
        public static float ToSingle(byte[] value, int startIndex) => throw null;
        public static double ToDouble(byte[] value, int startIndex) => throw null;
        public static string ToString(byte[] value) => throw null;
        public static string ToString(byte[] value, int startIndex) => throw null;
        public static string ToString(byte[] value, int startIndex, int length) => throw null;
    }

    public static class Convert
    {
        public static byte ToByte(string value) => throw null;
        public static short ToInt16(string value) => throw null;
        public static ushort ToUInt16(string value) => throw null;
        public static int ToInt32(string value) => throw null;
        public static int ToInt32(string value, int fromBase) => throw null;
        public static uint ToUInt32(string value) => throw null;
        public static long ToInt64(string value) => throw null;
        public static ulong ToUInt64(string value) => throw null;
        public static double ToDouble(string value) => throw null;
        public static string ToBase64String(byte[] inArray) => throw null;
        public static string ToBase64String(byte[] inArray, int offset, int length) => throw null;
        public static byte[] FromBase64String(string inString) => throw null;
    }

    public struct Guid
    {
        public static readonly Guid Empty;
        public Guid(byte[] b) { }
        public Guid(string g) { }
        public static Guid NewGuid() => throw null;
        public byte[] ToByteArray() => throw null;
        public override string ToString() => throw null;
        public override bool Equals(object o) => throw null;
        public override int GetHashCode() => throw null;
        public static bool operator ==(Guid a, Guid b) => throw null;
        public static bool operator !=(Guid a, Guid b) => throw null;
    }

    public class Random
    {
        public Random() { }
        public Random(int seed) { }
        public virtual int Next() => throw null;
        public virtual int Next(int maxValue) => throw null;
        public virtual double NextDouble() => throw null;
        public virtual void NextBytes(byte[] buffer) => throw null;
    }

    public static class GC
    {
        public static void SuppressFinalize(object obj) { }
        public static void WaitForPendingFinalizers() { }
    }

    // nanoFramework's mscorlib Console writes to the debugger output; only these string overloads.
    public static class Console
    {
        public static void Write(string value) { }
        public static void WriteLine() { }
        public static void WriteLine(string value) { }
    }
}
