// Reference surface of nanoFramework.CoreLibrary 1.17.x (mscorlib): System.Collections (non-generic only).
// Hashtable, Queue, Stack and DictionaryEntry live in nanoFramework.System.Collections (separate surface).
namespace System.Collections
{
    public interface IEnumerable { IEnumerator GetEnumerator(); }

    public interface IEnumerator
    {
        object Current { get; }
        bool MoveNext();
        void Reset();
    }

    public interface ICollection : IEnumerable
    {
        int Count { get; }
        object SyncRoot { get; }
        bool IsSynchronized { get; }
        void CopyTo(Array array, int index);
    }

    public interface IList : ICollection
    {
        object this[int index] { get; set; }
        bool IsReadOnly { get; }
        bool IsFixedSize { get; }
        int Add(object value);
        bool Contains(object value);
        void Clear();
        int IndexOf(object value);
        void Insert(int index, object value);
        void Remove(object value);
        void RemoveAt(int index);
    }

    public interface IComparer { int Compare(object x, object y); }

    public interface IEqualityComparer
    {
        bool Equals(object x, object y);
        int GetHashCode(object obj);
    }

    public class ArrayList : IList, ICloneable
    {
        public ArrayList() { }
        public virtual int Capacity { get => throw null; set { } }
        public virtual int Count => throw null;
        public virtual bool IsFixedSize => throw null;
        public virtual bool IsReadOnly => throw null;
        public virtual bool IsSynchronized => throw null;
        public virtual object SyncRoot => throw null;
        public virtual object this[int index] { get => throw null; set { } }
        public virtual int Add(object value) => throw null;
        public virtual void Clear() { }
        public virtual object Clone() => throw null;
        public virtual bool Contains(object item) => throw null;
        public virtual void CopyTo(Array array) { }
        public virtual void CopyTo(Array array, int arrayIndex) { }
        public virtual IEnumerator GetEnumerator() => throw null;
        public virtual int IndexOf(object value) => throw null;
        public virtual int IndexOf(object value, int startIndex) => throw null;
        public virtual int IndexOf(object value, int startIndex, int count) => throw null;
        public virtual void Insert(int index, object value) { }
        public virtual void Remove(object obj) { }
        public virtual void RemoveAt(int index) { }
        // ToArray() / ToArray(Type) exist only in the reflection-enabled mscorlib build: not declared.
    }
}
