using MealTerminal.Core.Flash;

namespace MealTerminal.Drivers.Tests.NorFlash;

/// <summary>What any IFlash must do for the core's ledger to be right; run against each implementation.</summary>
public abstract class FlashConformance
{
    protected abstract IFlash CreateFlash();

    [Fact]
    public void Program_OnlyClearsBits_NeverSetsThem()
    {
        var flash = CreateFlash();
        flash.Program(10, new byte[] { 0b1010_1010 }, 0, 1);
        flash.Program(10, new byte[] { 0b0110_0110 }, 0, 1);

        var read = new byte[1];
        flash.Read(10, read, 0, 1);
        Assert.Equal(0b0010_0010, read[0]);
    }

    [Fact]
    public void EraseSector_SetsTheWholeSectorTo0xFF_AndNothingElse()
    {
        var flash = CreateFlash();
        var zeros = new byte[flash.PageSize];
        for (int page = 0; page < 2 * flash.SectorSize / flash.PageSize; page++)
        {
            flash.Program(page * flash.PageSize, zeros, 0, zeros.Length);
        }

        flash.EraseSector(1);

        var sector0 = new byte[flash.SectorSize];
        var sector1 = new byte[flash.SectorSize];
        flash.Read(0, sector0, 0, sector0.Length);
        flash.Read(flash.SectorSize, sector1, 0, sector1.Length);
        Assert.All(sector0, b => Assert.Equal(0x00, b));
        Assert.All(sector1, b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public void Read_AcrossPagesAndSectors_ReturnsWhatEachPageHolds()
    {
        var flash = CreateFlash();
        int start = flash.SectorSize - flash.PageSize;
        for (int page = 0; page < 3; page++)
        {
            var data = Enumerable.Repeat((byte)(page + 1), flash.PageSize).ToArray();
            flash.Program(start + page * flash.PageSize, data, 0, data.Length);
        }

        var read = new byte[flash.PageSize + 20];
        flash.Read(start + flash.PageSize - 10, read, 5, read.Length - 5);
        Assert.Equal(1, read[5]);
        Assert.Equal(2, read[15]);
        Assert.Equal(3, read[5 + 10 + flash.PageSize]);
    }
}

public sealed class W25qFlashConformance : FlashConformance
{
    protected override IFlash CreateFlash()
    {
        var time = new FakeTime();
        return MealTerminal.Drivers.NorFlash.W25qFlash.Open(new FakeW25qChip(time), time);
    }
}

public sealed class RamFlashConformance : FlashConformance
{
    protected override IFlash CreateFlash() => new RamFlash(4, 4096, 256);
}

public sealed class SparseRamFlashConformance : FlashConformance
{
    protected override IFlash CreateFlash() => new SparseRamFlash(4, 4096, 256);
}
