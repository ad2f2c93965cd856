namespace MealGateway.Tests.Storage.PowerCut;

/// <summary>How the writes not yet synced fare when the power goes.</summary>
public enum PowerLoss
{
    /// <summary>Every write since the file's last sync is lost.</summary>
    DropUnsynced,

    /// <summary>Each 4 KB sector of each unsynced write (and each unsynced length change) is kept or lost at random.</summary>
    TearUnsynced,

    /// <summary>Every write reached the disk (a process kill rather than a power cut).</summary>
    KeepUnsynced,
}

/// <summary>
/// What each file holds after power is lost once the first <c>cut</c> operations of a journal have
/// been done: everything up to the file's last sync, plus what the loss model keeps of the rest.
/// Writes are torn at 4 KB sectors (a sector is written whole or not at all) and kept sectors need
/// not be a prefix: the page cache writes back in any order.
/// </summary>
public static class CrashImage
{
    public const int SectorSize = 4096;

    public static Dictionary<string, byte[]> At(IReadOnlyList<DiskOperation> journal, int cut, PowerLoss loss, Random random)
    {
        var durable = new Dictionary<string, byte[]>();
        var unsynced = new Dictionary<string, List<DiskOperation>>();
        for (int i = 0; i < cut; i++)
        {
            var op = journal[i];
            var file = durable.TryGetValue(op.File, out var c) ? c : [];
            var pending = unsynced.TryGetValue(op.File, out var p) ? p : unsynced[op.File] = new List<DiskOperation>();
            if (op.Kind == DiskOperationKind.Sync)
            {
                foreach (var done in pending)
                {
                    file = DiskOperation.Apply(file, done);
                }

                pending.Clear();
            }
            else
            {
                pending.Add(op);
            }

            durable[op.File] = file;
        }

        var image = new Dictionary<string, byte[]>();
        foreach (var (name, content) in durable)
        {
            var file = content.ToArray();
            foreach (var op in unsynced[name])
            {
                foreach (var kept in Survivors(op, loss, random))
                {
                    file = DiskOperation.Apply(file, kept);
                }
            }

            image[name] = file;
        }

        return image;
    }

    private static IEnumerable<DiskOperation> Survivors(DiskOperation op, PowerLoss loss, Random random)
    {
        if (loss == PowerLoss.KeepUnsynced)
        {
            yield return op;
            yield break;
        }

        if (loss == PowerLoss.DropUnsynced)
        {
            yield break;
        }

        if (op.Kind != DiskOperationKind.Write)
        {
            if (random.Next(2) == 0)
            {
                yield return op;
            }

            yield break;
        }

        long at = op.Position;
        long end = op.Position + op.Bytes.Length;
        while (at < end)
        {
            long sectorEnd = Math.Min(end, ((at / SectorSize) + 1) * SectorSize);
            if (random.Next(2) == 0)
            {
                yield return DiskOperation.Write(op.File, at, op.Bytes[(int)(at - op.Position)..(int)(sectorEnd - op.Position)]);
            }

            at = sectorEnd;
        }
    }
}
