using MealTerminal.Core.Flash;

namespace MealTerminal.Core.Tests.Flash;

/// <summary>The self-test's chip holds only programmed pages; the rest of the NOR rules are FlashConformance's.</summary>
public class SparseRamFlashTests
{
    [Fact]
    public void ANewChip_HoldsNoPage_AndReadsErased()
    {
        var chip = new SparseRamFlash(3, 4096, 256);
        var read = new byte[600];
        chip.Read(4000, read, 0, read.Length);

        Assert.Equal(0, chip.PagesHeld);
        Assert.All(read, b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public void ProgrammingOnlyOnes_HoldsNoPage_AndZerosHoldOnlyTheirPage()
    {
        var chip = new SparseRamFlash(3, 4096, 256);
        chip.Program(512, Enumerable.Repeat((byte)0xFF, 256).ToArray(), 0, 256);
        Assert.Equal(0, chip.PagesHeld);

        chip.Program(700, new byte[] { 0x0F, 0xF0 }, 0, 2);
        var read = new byte[4];
        chip.Read(699, read, 0, 4);

        Assert.Equal(1, chip.PagesHeld);
        Assert.Equal(new byte[] { 0xFF, 0x0F, 0xF0, 0xFF }, read);
    }

    [Fact]
    public void EraseSector_ReleasesItsPages_AndKeepsTheNeighbours()
    {
        var chip = new SparseRamFlash(3, 4096, 256);
        chip.Program(4096 - 256, new byte[] { 0 }, 0, 1);
        chip.Program(4096, new byte[] { 0 }, 0, 1);
        chip.Program(8192 - 1, new byte[] { 0 }, 0, 1);

        chip.EraseSector(1);

        Assert.Equal(1, chip.PagesHeld);
        var read = new byte[1];
        chip.Read(4096 - 256, read, 0, 1);
        Assert.Equal(0, read[0]);
    }

    [Fact]
    public void AProgramAcrossAPageBoundary_IsRefused_AndChangesNothing()
    {
        var chip = new SparseRamFlash(1, 4096, 256);

        Assert.Throws<ArgumentException>(() => chip.Program(250, new byte[10], 0, 10));
        Assert.Equal(0, chip.PagesHeld);
    }
}
