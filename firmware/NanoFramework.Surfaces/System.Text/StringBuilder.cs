// Reference surface of NuGet package nanoFramework.System.Text 1.3.42 (assembly nanoFramework.System.Text):
// System.Text.StringBuilder, a subset of its members, read from nanoframework/System.Text at tag v1.3.42.
// Declarations only.
namespace System.Text
{
    public sealed class StringBuilder
    {
        public StringBuilder() { }
        public StringBuilder(int capacity) { }
        public StringBuilder(string value) { }
        public int Length { get => throw null; set { } }
        public int Capacity { get => throw null; set { } }
        public char this[int index] { get => throw null; set { } }
        public StringBuilder Append(string value) => throw null;
        public StringBuilder Append(string value, int startIndex, int count) => throw null;
        public StringBuilder Append(char value) => throw null;
        public StringBuilder Append(char value, int repeatCount) => throw null;
        public StringBuilder Append(char[] value) => throw null;
        public StringBuilder Append(int value) => throw null;
        public StringBuilder Append(long value) => throw null;
        public StringBuilder Append(object value) => throw null;
        public StringBuilder AppendLine() => throw null;
        public StringBuilder AppendLine(string str) => throw null;
        public StringBuilder Clear() => throw null;
        public StringBuilder Remove(int startIndex, int length) => throw null;
        public StringBuilder Replace(string oldValue, string newValue) => throw null;
        public override string ToString() => throw null;
        public string ToString(int startIndex, int length) => throw null;
    }
}
