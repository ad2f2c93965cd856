// Reference surface of nanoFramework.CoreLibrary 1.17.x (mscorlib): Array, Type, runtime handles, delegates.
// nanoFramework's Array has no Sort, Reverse, Resize, Fill, BinarySearch or multidimensional arrays.
using System.Collections;

namespace System
{
    public abstract class Array : ICloneable, IList
    {
        public int Length => throw null;
        public static void Copy(Array sourceArray, Array destinationArray, int length) => throw null;
        public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length) => throw null;
        public static void Clear(Array array, int index, int length) => throw null;
        public static int IndexOf(Array array, object value) => throw null;
        public static int IndexOf(Array array, object value, int startIndex) => throw null;
        public static int IndexOf(Array array, object value, int startIndex, int count) => throw null;
        public object GetValue(int index) => throw null;
        public void SetValue(object value, int index) => throw null;
        public object Clone() => throw null;
        public void CopyTo(Array array, int index) => throw null;
        public IEnumerator GetEnumerator() => throw null;

        int ICollection.Count => throw null;
        object ICollection.SyncRoot => throw null;
        bool ICollection.IsSynchronized => throw null;
        bool IList.IsReadOnly => throw null;
        bool IList.IsFixedSize => throw null;
        object IList.this[int index] { get => throw null; set => throw null; }
        int IList.Add(object value) => throw null;
        bool IList.Contains(object value) => throw null;
        void IList.Clear() => throw null;
        int IList.IndexOf(object value) => throw null;
        void IList.Insert(int index, object value) => throw null;
        void IList.Remove(object value) => throw null;
        void IList.RemoveAt(int index) => throw null;
    }

    public abstract class Type
    {
        public abstract string Name { get; }
        public abstract string FullName { get; }
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) => throw null;
    }

    public struct RuntimeTypeHandle { }
    public struct RuntimeFieldHandle { }
    public struct RuntimeMethodHandle { }

    public abstract class Delegate
    {
        public object Target => throw null;
        public static Delegate Combine(Delegate a, Delegate b) => throw null;
        public static Delegate Remove(Delegate source, Delegate value) => throw null;
        public static bool operator ==(Delegate d1, Delegate d2) => throw null;
        public static bool operator !=(Delegate d1, Delegate d2) => throw null;
        public override bool Equals(object obj) => throw null;
        public override int GetHashCode() => throw null;
    }

    public abstract class MulticastDelegate : Delegate
    {
        public static bool operator ==(MulticastDelegate d1, MulticastDelegate d2) => throw null;
        public static bool operator !=(MulticastDelegate d1, MulticastDelegate d2) => throw null;
        public override bool Equals(object obj) => throw null;
        public override int GetHashCode() => throw null;
    }

    public delegate void AsyncCallback(IAsyncResult ar);
    public delegate void EventHandler(object sender, EventArgs e);

    public class EventArgs
    {
        public static readonly EventArgs Empty;
        public EventArgs() { }
    }

    public interface IAsyncResult
    {
        object AsyncState { get; }
        bool CompletedSynchronously { get; }
        bool IsCompleted { get; }
        System.Threading.WaitHandle AsyncWaitHandle { get; }
    }

    public interface IDisposable { void Dispose(); }
    public interface ICloneable { object Clone(); }
    public interface IComparable { int CompareTo(object obj); }
    public interface IFormatProvider { object GetFormat(Type formatType); }
    public interface IFormattable { string ToString(string format, IFormatProvider formatProvider); }
    public interface ICustomFormatter { string Format(string format, object arg, IFormatProvider formatProvider); }
}
