using System.Reflection;
using System.Text;

namespace MealTerminal.Benchmarks.Memory;

/// <summary>
/// What an object graph would hold on nanoCLR's managed heap, modelled on the host by walking the
/// graph with reflection. nanoCLR allocates in 12-byte heap blocks (CLR_RT_HeapBlock on a 32-bit
/// MCU): a class instance is one header block plus one block per instance field, whatever the
/// field's type (a long or a DateTime fits one block); an array is a 20-byte header
/// (CLR_RT_HeapBlock_Array: the block plus element count, type, size and reference flags) plus its
/// elements, primitives at their own size and references or structs at one block each, rounded
/// up to whole blocks; a string is a block plus its UTF-8 bytes and a NUL. A struct held in a field
/// or an array element is boxed: one more object. Interned strings (literals) live in the
/// assembly's resources, not in the heap, and are not counted.
/// This is a model, not a measurement on the device: it leaves out the runtime's own overhead
/// (type descriptors, the free-list) and garbage not yet collected.
/// Each object is counted once: Measure a part first and the rest of a graph later to split a total.
/// </summary>
public sealed class NanoHeapModel
{
    public const int Block = 12;
    public const int ArrayHeader = 20;
    private readonly HashSet<object> seen = new(ReferenceEqualityComparer.Instance);

    /// <summary>Marks objects as counted elsewhere (host-only fakes, the emulated chip), so no total includes them.</summary>
    public void Exclude(params object[] objects)
    {
        foreach (object o in objects)
        {
            seen.Add(o);
        }
    }

    /// <summary>Bytes of the objects reachable from root that no earlier Measure counted.</summary>
    public long Measure(object? root)
    {
        long total = 0;
        var pending = new Stack<object>();
        Push(root, pending);
        while (pending.Count > 0)
        {
            total += SizeOf(pending.Pop(), pending);
        }

        return total;
    }

    /// <summary>Bytes of the static fields of every type in an assembly and what they reach (tables, singletons).</summary>
    public long MeasureStatics(Assembly assembly)
    {
        long total = 0;
        foreach (Type type in assembly.GetTypes())
        {
            if (type.ContainsGenericParameters)
            {
                continue;
            }

            foreach (FieldInfo field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.IsLiteral)
                {
                    continue;
                }

                total += Block + Measure(field.GetValue(null));
            }
        }

        return total;
    }

    /// <summary>Rounds a byte count up to whole 12-byte heap blocks.</summary>
    public static long Blocks(long bytes) => (bytes + Block - 1) / Block * Block;

    private void Push(object? o, Stack<object> pending)
    {
        if (o == null || o is Type || o is Delegate || o is Pointer || !seen.Add(o))
        {
            return;
        }

        if (o is string s && string.IsInterned(s) != null)
        {
            return;
        }

        pending.Push(o);
    }

    private long SizeOf(object o, Stack<object> pending)
    {
        switch (o)
        {
            case string s:
                return Blocks(Block + Encoding.UTF8.GetByteCount(s) + 1);
            case Array array:
                return SizeOfArray(array, pending);
        }

        Type type = o.GetType();
        long size = Block;
        foreach (FieldInfo field in InstanceFields(type))
        {
            size += Block + SizeOfValue(field.FieldType, field.GetValue(o), pending);
        }

        return size;
    }

    private long SizeOfArray(Array array, Stack<object> pending)
    {
        Type element = array.GetType().GetElementType()!;
        if (IsOneBlockValue(element))
        {
            int elementSize = element.IsEnum ? Marshal(Enum.GetUnderlyingType(element)) : Marshal(element);
            return Blocks(ArrayHeader + ((long)array.Length * elementSize));
        }

        long size = Blocks(ArrayHeader + ((long)array.Length * Block));
        foreach (object? item in array)
        {
            size += SizeOfValue(element, item, pending);
        }

        return size;
    }

    /// <summary>What a field or element costs beyond its own block: a boxed struct, or the object it refers to (queued).</summary>
    private long SizeOfValue(Type declared, object? value, Stack<object> pending)
    {
        if (IsOneBlockValue(declared))
        {
            return 0;
        }

        if (declared.IsValueType)
        {
            long boxed = Block;
            foreach (FieldInfo field in InstanceFields(declared))
            {
                boxed += Block + SizeOfValue(field.FieldType, field.GetValue(value), pending);
            }

            return boxed;
        }

        Push(value, pending);
        return 0;
    }

    private static bool IsOneBlockValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(DateTime) || type == typeof(TimeSpan) || type.IsPointer;

    private static int Marshal(Type primitive) => primitive == typeof(bool) ? 1 : primitive == typeof(char) ? 2 : System.Runtime.InteropServices.Marshal.SizeOf(primitive);

    private static IEnumerable<FieldInfo> InstanceFields(Type type)
    {
        for (Type? t = type; t != null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }
}
