// Reference surface of NuGet package nanoFramework.System.Collections 1.5.67
// (assembly nanoFramework.System.Collections): Hashtable, Queue, Stack, DictionaryEntry. Non-generic only.
// Read from nanoframework/System.Collections at tag v1.5.67: Hashtable's members are not virtual and it has
// no ContainsKey (use Contains); Queue's and Stack's are virtual.
namespace System.Collections
{
    public class DictionaryEntry
    {
        public object Key;
        public object Value;
        public DictionaryEntry(object key, object value) { }
    }

    public interface IDictionaryEnumerator : IEnumerator
    {
        object Key { get; }
        object Value { get; }
        DictionaryEntry Entry { get; }
    }

    public interface IDictionary : ICollection
    {
        object this[object key] { get; set; }
        ICollection Keys { get; }
        ICollection Values { get; }
        bool IsReadOnly { get; }
        bool IsFixedSize { get; }
        void Add(object key, object value);
        void Clear();
        bool Contains(object key);
        void Remove(object key);
    }

    public class Hashtable : IDictionary, ICloneable
    {
        public Hashtable() { }
        public Hashtable(int capacity) { }
        public Hashtable(int capacity, float loadFactor) { }
        public object this[object key] { get => throw null; set { } }
        public ICollection Keys => throw null;
        public ICollection Values => throw null;
        public int Count => throw null;
        public bool IsReadOnly => throw null;
        public bool IsFixedSize => throw null;
        public bool IsSynchronized => throw null;
        public object SyncRoot => throw null;
        public void Add(object key, object value) { }
        public void Clear() { }
        public object Clone() => throw null;
        public bool Contains(object key) => throw null;
        public void Remove(object key) { }
        public void CopyTo(Array array, int arrayIndex) { }
        public IEnumerator GetEnumerator() => throw null;
    }

    public class Queue : ICollection, ICloneable
    {
        public Queue() { }
        public virtual int Count => throw null;
        public virtual bool IsSynchronized => throw null;
        public virtual object SyncRoot => throw null;
        public virtual void Enqueue(object obj) { }
        public virtual object Dequeue() => throw null;
        public virtual object Peek() => throw null;
        public virtual void Clear() { }
        public virtual bool Contains(object obj) => throw null;
        public virtual object Clone() => throw null;
        public virtual object[] ToArray() => throw null;
        public virtual void CopyTo(Array array, int index) { }
        public virtual IEnumerator GetEnumerator() => throw null;
    }

    public class Stack : ICollection, ICloneable
    {
        public Stack() { }
        public virtual int Count => throw null;
        public virtual bool IsSynchronized => throw null;
        public virtual object SyncRoot => throw null;
        public virtual void Push(object obj) { }
        public virtual object Pop() => throw null;
        public virtual object Peek() => throw null;
        public virtual void Clear() { }
        public virtual bool Contains(object obj) => throw null;
        public virtual object Clone() => throw null;
        public virtual object[] ToArray() => throw null;
        public virtual void CopyTo(Array array, int index) { }
        public virtual IEnumerator GetEnumerator() => throw null;
    }
}
