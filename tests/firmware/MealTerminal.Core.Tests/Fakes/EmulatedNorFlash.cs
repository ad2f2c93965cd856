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
/// Like littlefs's emulated block device it can also inject faults, each with its own seeded
/// chance: programs that do not stick, erases that do nothing, reads that return flipped bits.
/// With MarginalCells, an interrupted program or erase leaves some cells marginal: they read 1 or
/// 0 at random on every read until a program of 0 or an erase settles them.
/// </summary>
public sealed class EmulatedNorFlash : IFlash
{
    private readonly byte[] memory;
    private readonly byte[] marginal;
    private readonly Random partial;
    private readonly Random noise;
    private readonly Random faults;
    private int cutAt;

    public EmulatedNorFlash(int sectorCount, int sectorSize = 4096, int pageSize = 256, int seed = 1)
        : this(Enumerable.Repeat((byte)0xFF, sectorCount * sectorSize).ToArray(), new byte[sectorCount * sectorSize], sectorSize, pageSize, seed)
    {
    }

    private EmulatedNorFlash(byte[] memory, byte[] marginal, int sectorSize, int pageSize, int seed)
    {
        this.memory = memory;
        this.marginal = marginal;
        SectorSize = sectorSize;
        PageSize = pageSize;
        SectorCount = memory.Length / sectorSize;
        EraseCounts = new int[SectorCount];
        partial = new Random(seed);
        noise = new Random(seed ^ 0x5EED);
        faults = new Random(seed ^ 0xFA17);
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

    /// <summary>An interrupted program or erase leaves marginal cells (unstable reads) instead of only clean ones.</summary>
    public bool MarginalCells { get; set; }

    /// <summary>Chance (0..1) that a marginal cell reads 0 on a read; 0 makes a slot a cut program barely touched read erased.</summary>
    public double MarginalReadsZeroChance { get; set; } = 0.5;

    /// <summary>Chance (0..1) that a program leaves the chip unchanged, as a worn page that no longer takes charge.</summary>
    public double ProgramNoopChance { get; set; }

    /// <summary>Chance (0..1) that an erase leaves the sector unchanged.</summary>
    public double EraseNoopChance { get; set; }

    /// <summary>Chance (0..1) that a read returns one byte with flipped bits (the chip itself is unchanged).</summary>
    public double ReadErrorChance { get; set; }

    public long ProgramsDropped { get; private set; }

    /// <summary>
    /// Completed programs that left a marginal cell under a 1 bit of their data: what they wrote can
    /// read back right once and differently later. Programming 0 over a marginal cell settles it.
    /// </summary>
    public long UnsettledPrograms { get; private set; }

    public long ErasesDropped { get; private set; }

    /// <summary>Bytes holding at least one marginal cell.</summary>
    public int MarginalBytes => marginal.Count(b => b != 0);

    /// <summary>Cuts the power during the n-th program or erase from now (1 = the next one).</summary>
    public void CutPowerAt(int mutationFromNow) => cutAt = Mutations + mutationFromNow;

    public int Mutations => (int)(Programs + Erases);

    /// <summary>A new chip holding a copy of this one's memory (power on, counters zero).</summary>
    public EmulatedNorFlash Copy(int seed = 1) =>
        new((byte[])memory.Clone(), (byte[])marginal.Clone(), SectorSize, PageSize, seed)
        {
            MarginalCells = MarginalCells, MarginalReadsZeroChance = MarginalReadsZeroChance,
        };

    /// <summary>True when a byte of the range holds a marginal cell: a program there would not be what it reads back later.</summary>
    public bool HasMarginalCells(int address, int count) => marginal.AsSpan(address, count).ContainsAnyExcept((byte)0);

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
        for (int i = 0; i < count; i++)
        {
            if (marginal[address + i] != 0)
            {
                buffer[offset + i] |= (byte)(marginal[address + i] & MarginalOnes());
            }
        }

        if (ReadErrorChance > 0 && count > 0 && faults.NextDouble() < ReadErrorChance)
        {
            buffer[offset + faults.Next(count)] ^= (byte)(1 << faults.Next(8));
        }
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
        if (!cut && ProgramNoopChance > 0 && faults.NextDouble() < ProgramNoopChance)
        {
            ProgramsDropped++;
            return;
        }

        for (int i = 0; i < count && !cut; i++)
        {
            if ((marginal[address + i] & data[offset + i]) != 0)
            {
                UnsettledPrograms++;
                break;
            }
        }

        // How far a cut program got: barely started (every bit it touched marginal), midway, or nearly done (none marginal).
        int stage = cut && MarginalCells ? partial.Next(3) : 2;
        for (int i = 0; i < count; i++)
        {
            byte zeros = (byte)~data[offset + i];
            if (cut)
            {
                zeros &= (byte)partial.Next(256); // the other zero bits did not make it
            }

            byte solidZeros = (byte)~(memory[address + i] | marginal[address + i]);
            byte shaky = stage == 0 ? zeros : stage == 1 ? (byte)(zeros & partial.Next(256)) : (byte)0;
            shaky &= (byte)~solidZeros;
            memory[address + i] &= (byte)~zeros;
            marginal[address + i] = (byte)((marginal[address + i] & ~zeros) | shaky);
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
        if (!cut && EraseNoopChance > 0 && faults.NextDouble() < EraseNoopChance)
        {
            ErasesDropped++;
            return;
        }

        int start = sector * SectorSize;
        for (int i = 0; i < SectorSize; i++)
        {
            int outcome = cut ? partial.Next(MarginalCells ? 3 : 2) : 0;
            if (outcome == 0)
            {
                memory[start + i] = 0xFF;
                marginal[start + i] = 0;
            }
            else if (outcome == 2)
            {
                marginal[start + i] |= (byte)~memory[start + i]; // half-erased: its zero bits now read either way
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

    private byte MarginalOnes()
    {
        int ones = 0;
        for (int bit = 0; bit < 8; bit++)
        {
            if (noise.NextDouble() >= MarginalReadsZeroChance)
            {
                ones |= 1 << bit;
            }
        }

        return (byte)ones;
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
