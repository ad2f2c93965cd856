using MealTerminal.Core.Flash;
using MealTerminal.Core.SelfTest;

namespace MealTerminal.Core.Tests.Fakes;

/// <summary>One program or erase, as the chip is about to carry it out.</summary>
public sealed record NorOperation(int Index, bool IsErase, int Address, byte[] Data, int Sector);

/// <summary>
/// A NOR chip for tests: programs only clear bits and stay inside a page, erases set a sector to
/// 0xFF. Counts reads (operations, bytes and pages touched), programs, erases and erases per
/// sector. Can cut the power at the n-th program or erase, leaving that operation partly done
/// (a random subset of the new zero bits written, or a random subset of the sector's bytes
/// erased); after the cut every operation throws PowerCutException. BeforeMutation sees each
/// program and erase before it happens, so a test can copy the chip at that instant.
/// </summary>
public sealed class EmulatedNorFlash : IFlash
{
    private readonly byte[] memory;
    private readonly Random partial;
    private int cutAt;

    public EmulatedNorFlash(int sectorCount, int sectorSize = 4096, int pageSize = 256, int seed = 1)
        : this(Enumerable.Repeat((byte)0xFF, sectorCount * sectorSize).ToArray(), sectorSize, pageSize, seed)
    {
    }

    private EmulatedNorFlash(byte[] memory, int sectorSize, int pageSize, int seed)
    {
        this.memory = memory;
        SectorSize = sectorSize;
        PageSize = pageSize;
        SectorCount = memory.Length / sectorSize;
        EraseCounts = new int[SectorCount];
        partial = new Random(seed);
    }

    public int PageSize { get; }

    public int SectorSize { get; }

    public int SectorCount { get; }

    public long Reads { get; private set; }

    public long BytesRead { get; private set; }

    /// <summary>Pages touched by reads: a read inside one page costs one, a read across two costs two.</summary>
    public long PageReads { get; private set; }

    public long Programs { get; private set; }

    public long Erases { get; private set; }

    public int[] EraseCounts { get; }

    public bool IsDead { get; private set; }

    public Action<NorOperation>? BeforeMutation { get; set; }

    /// <summary>Cuts the power during the n-th program or erase from now (1 = the next one).</summary>
    public void CutPowerAt(int mutationFromNow) => cutAt = Mutations + mutationFromNow;

    public int Mutations => (int)(Programs + Erases);

    /// <summary>A new chip holding a copy of this one's memory (power on, counters zero).</summary>
    public EmulatedNorFlash Copy(int seed = 1) => new((byte[])memory.Clone(), SectorSize, PageSize, seed);

    public void ResetCounters()
    {
        Reads = BytesRead = PageReads = Programs = Erases = 0;
        cutAt = 0;
    }

    public void Read(int address, byte[] buffer, int offset, int count)
    {
        ThrowIfDead();
        Check(address, count);
        Reads++;
        BytesRead += count;
        PageReads += count == 0 ? 0 : ((address + count - 1) / PageSize) - (address / PageSize) + 1;
        Buffer.BlockCopy(memory, address, buffer, offset, count);
    }

    public void Program(int address, byte[] data, int offset, int count)
    {
        ThrowIfDead();
        Check(address, count);
        if ((address / PageSize) != ((address + count - 1) / PageSize))
        {
            throw new ArgumentException($"program at {address} of {count} bytes crosses a page boundary");
        }

        Programs++;
        BeforeMutation?.Invoke(new NorOperation(Mutations, false, address, data.AsSpan(offset, count).ToArray(), address / SectorSize));
        bool cut = Mutations == cutAt;
        for (int i = 0; i < count; i++)
        {
            byte bits = data[offset + i];
            if (cut)
            {
                bits |= (byte)partial.Next(256); // these zero bits did not make it
            }

            memory[address + i] &= bits;
        }

        if (cut)
        {
            PowerOff();
        }
    }

    public void EraseSector(int sector)
    {
        ThrowIfDead();
        if (sector < 0 || sector >= SectorCount)
        {
            throw new ArgumentOutOfRangeException(nameof(sector));
        }

        Erases++;
        EraseCounts[sector]++;
        BeforeMutation?.Invoke(new NorOperation(Mutations, true, sector * SectorSize, Array.Empty<byte>(), sector));
        bool cut = Mutations == cutAt;
        int start = sector * SectorSize;
        for (int i = 0; i < SectorSize; i++)
        {
            if (!cut || partial.Next(2) == 0)
            {
                memory[start + i] = 0xFF;
            }
        }

        if (cut)
        {
            PowerOff();
        }
    }

    /// <summary>Carries out op partly, as a power cut in its middle would, on this chip.</summary>
    public void ApplyTorn(NorOperation op)
    {
        cutAt = Mutations + 1;
        try
        {
            if (op.IsErase)
            {
                EraseSector(op.Sector);
            }
            else
            {
                Program(op.Address, op.Data, 0, op.Data.Length);
            }
        }
        catch (PowerCutException)
        {
        }

        IsDead = false;
        cutAt = 0;
    }

    private void PowerOff()
    {
        IsDead = true;
        throw new PowerCutException();
    }

    private void ThrowIfDead()
    {
        if (IsDead)
        {
            throw new PowerCutException();
        }
    }

    private void Check(int address, int count)
    {
        if (address < 0 || count < 0 || address + count > memory.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(address), $"{address}+{count} outside the chip");
        }
    }
}
