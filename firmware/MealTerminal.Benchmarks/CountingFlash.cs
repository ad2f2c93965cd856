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

    public void Reset() => BytesRead = PageReads = Programs = Erases = 0;

    public void Read(int address, byte[] buffer, int offset, int count)
    {
        BytesRead += count;
        PageReads += count == 0 ? 0 : ((address + count - 1) / PageSize) - (address / PageSize) + 1;
        chip.Read(address, buffer, offset, count);
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
