// Reference surface of nanoFramework.CoreLibrary 1.17.x (mscorlib): System.Object and the built-in value types.
// Declarations only; written from the public API, never run.
namespace System
{
    public class Object
    {
        public Object() { }
        ~Object() { }
        public virtual bool Equals(object obj) => throw null;
        public static bool Equals(object objA, object objB) => throw null;
        public static bool ReferenceEquals(object objA, object objB) => throw null;
        public virtual int GetHashCode() => throw null;
        public Type GetType() => throw null;
        public virtual string ToString() => throw null;
        protected object MemberwiseClone() => throw null;
    }

    public abstract class ValueType
    {
        protected ValueType() { }
        public override bool Equals(object obj) => throw null;
        public override int GetHashCode() => throw null;
        public override string ToString() => throw null;
    }

    public abstract class Enum : ValueType
    {
        protected Enum() { }
        // nanoFramework: ToString() gives the underlying number, not the member name.
        public override string ToString() => throw null;
        public bool HasFlag(Enum flag) => throw null;
    }

    public struct Void { }

    public struct Boolean
    {
        public static readonly string FalseString;
        public static readonly string TrueString;
        public override string ToString() => throw null;
    }

    public struct Char
    {
        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0;
        public override string ToString() => throw null;
    }

    public struct SByte
    {
        public const sbyte MaxValue = 127;
        public const sbyte MinValue = -128;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
        public static sbyte Parse(string s) => throw null;
    }

    public struct Byte
    {
        public const byte MaxValue = 255;
        public const byte MinValue = 0;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
        public static byte Parse(string s) => throw null;
    }

    public struct Int16
    {
        public const short MaxValue = 32767;
        public const short MinValue = -32768;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
        public static short Parse(string s) => throw null;
    }

    public struct UInt16
    {
        public const ushort MaxValue = 65535;
        public const ushort MinValue = 0;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
        public static ushort Parse(string s) => throw null;
    }

    public struct Int32
    {
        public const int MaxValue = 2147483647;
        public const int MinValue = -2147483648;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
        public static int Parse(string s) => throw null;
    }

    public struct UInt32
    {
        public const uint MaxValue = 4294967295;
        public const uint MinValue = 0;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
        public static uint Parse(string s) => throw null;
    }

    public struct Int64
    {
        public const long MaxValue = 9223372036854775807;
        public const long MinValue = -9223372036854775808;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
        public static long Parse(string s) => throw null;
    }

    public struct UInt64
    {
        public const ulong MaxValue = 18446744073709551615;
        public const ulong MinValue = 0;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
        public static ulong Parse(string s) => throw null;
    }

    public struct Single
    {
        public const float MaxValue = 3.40282347E+38f;
        public const float MinValue = -3.40282347E+38f;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
        public static float Parse(string s) => throw null;
    }

    public struct Double
    {
        public const double MaxValue = 1.7976931348623157E+308;
        public const double MinValue = -1.7976931348623157E+308;
        public const double Epsilon = 4.9406564584124654E-324;
        public const double NaN = 0.0 / 0.0;
        public const double PositiveInfinity = 1.0 / 0.0;
        public const double NegativeInfinity = -1.0 / 0.0;
        public static bool IsNaN(double d) => throw null;
        public static bool IsInfinity(double d) => throw null;
        // nanoFramework: ToString() prints full precision; pass a format ("F2") for display.
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
        public static double Parse(string s) => throw null;
    }

    public struct IntPtr
    {
        public static readonly IntPtr Zero;
    }

    public struct UIntPtr
    {
        public static readonly UIntPtr Zero;
    }
}
