using MealTerminal.Core.Flash;

namespace MealTerminal.Benchmarks;

/// <summary>A RAM NOR chip that counts what the core asks of it: reads, pages touched, programs, erases per sector.</summary>
public sealed class CountingFlash(int sectorCount, int sectorSize = 4096, int pageSize = 256) : IFlash
{
    private readonly RamFlash chip = new(sectorCount, sectorSize, pageSize);

    public int PageSize => chip.PageSize;

    public int SectorSize => chip.SectorSize;

    public int SectorCount => chip.SectorCount;

    public long BytesRead { get; private set; }

    public long PageReads { get; private set; }

    public long Programs { get; private set; }

    public long Erases { get; private set; }

    public int[] EraseCounts { get; } = new int[sectorCount];

    /// <summary>Bytes read since Reset, by the sector each read starts in: the boot profile per structure.</summary>
    public long[] BytesReadBySector { get; } = new long[sectorCount];

    /// <summary>While true, bytes read are also counted by the step of Terminal.Boot that asked (a stack walk: slow, for the boot profile only).</summary>
    public bool ProfileBoot { get; set; }

    /// <summary>Bytes read since Reset per step of Terminal.Boot ("MealLedger.Mount", ...), while ProfileBoot.</summary>
    public Dictionary<string, long> BytesReadByBootStep { get; } = [];

    public void Reset()
    {
        BytesRead = PageReads = Programs = Erases = 0;
        Array.Clear(BytesReadBySector);
        BytesReadByBootStep.Clear();
    }

    /// <summary>Bytes read since Reset from sectors first .. first + count - 1.</summary>
    public long BytesReadIn(int first, int count) => BytesReadBySector.Skip(first).Take(count).Sum();

    public void Read(int address, byte[] buffer, int offset, int count)
    {
        BytesRead += count;
        BytesReadBySector[address / SectorSize] += count;
        if (ProfileBoot)
        {
            string step = BootStep();
            BytesReadByBootStep[step] = BytesReadByBootStep.GetValueOrDefault(step) + count;
        }
        PageReads += count == 0 ? 0 : ((address + count - 1) / PageSize) - (address / PageSize) + 1;
        chip.Read(address, buffer, offset, count);
    }

    /// <summary>The method Terminal.Boot called that led to this read.</summary>
    private static string BootStep()
    {
        var frames = new System.Diagnostics.StackTrace().GetFrames();
        for (int i = 1; i < frames.Length; i++)
        {
            var method = frames[i].GetMethod();
            if (method?.Name == "Boot" && method.DeclaringType?.Name == "Terminal")
            {
                var step = frames[i - 1].GetMethod();
                return $"{step?.DeclaringType?.Name}.{step?.Name}";
            }
        }

        return "outside Boot";
    }

    public void Program(int address, byte[] data, int offset, int count)
    {
        Programs++;
        chip.Program(address, data, offset, count);
    }

    public void EraseSector(int sector)
    {
        Erases++;
        EraseCounts[sector]++;
        chip.EraseSector(sector);
    }
}
