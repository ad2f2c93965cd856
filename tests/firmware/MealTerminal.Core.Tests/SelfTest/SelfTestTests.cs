using MealTerminal.Core.Flash;
using MealTerminal.Core.SelfTest;

namespace MealTerminal.Core.Tests.SelfTest;

/// <summary>The on-device self-test runs in the suite too, so a regression in the core fails CI here first.</summary>
public class SelfTestTests
{
    [Fact]
    public void EveryCheckOfTheSelfTest_Passes()
    {
        var lines = new Lines();
        bool passed = new SelfTestRun(lines).Run();

        Assert.True(passed, string.Join("\n", lines.All));
        Assert.DoesNotContain(lines.All, l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Equal(16, lines.All.Count); // 15 checks and the RESULT line
        Assert.Equal("RESULT pass=15 fail=0", lines.All[^1]);
    }

    [Fact]
    public void EveryCheckHasItsOwnName()
    {
        var run = new SelfTestRun(new Lines(), new RamFlash(2, 4096, 256), 1);
        var names = Enumerable.Range(0, run.CheckCount).Select(run.NameOf).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal("flash-scratch-sector", names[^1]);
    }

    [Fact]
    public void AChipThatFlipsABit_FailsTheScratchCheck_AndTheResultLineCountsIt()
    {
        var lines = new Lines();
        var run = new SelfTestRun(lines, new BitFlippingFlash(new RamFlash(4, 4096, 256), address: 4096 + 300), 1);

        Assert.False(run.Run());
        Assert.Contains("FAIL flash-scratch-sector: after program: byte at offset 300 reads", lines.All.Single(l => l.StartsWith("FAIL", StringComparison.Ordinal)));
        Assert.Equal($"RESULT pass={run.CheckCount - 1} fail=1", lines.All[^1]);
    }

    [Fact]
    public void AnExceptionInACheck_IsReportedAsAFailure_AndTheRunGoesOn()
    {
        var lines = new Lines();
        var run = new SelfTestRun(lines, new DeadFlash(), 0);

        Assert.False(run.Run());
        Assert.Equal("FAIL flash-scratch-sector: exception: chip does not answer", lines.All[^2]);
        Assert.Equal(run.CheckCount + 1, lines.All.Count);
    }

    [Fact]
    public void TheScratchCheck_PassesOnAGoodChip_AndLeavesTheSectorErased()
    {
        var chip = new RamFlash(4, 4096, 256);
        var lines = new Lines();

        Assert.True(new SelfTestRun(lines, chip, 2).Run());
        var sector = new byte[4096];
        chip.Read(2 * 4096, sector, 0, sector.Length);
        Assert.All(sector, b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public void TheConsoleEntryPoint_ExitsZeroWhenEveryCheckPasses()
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            Assert.Equal(0, MealTerminal.SelfTestConsole.Program.Main());
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.EndsWith("RESULT pass=15 fail=0" + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void ACutProgram_LeavesHalfThePageWritten_AndTheChipDead()
    {
        var chip = new RamFlash(1, 4096, 256);
        var cut = new PowerCutFlash(chip, cutAtOperation: 1);
        var data = Enumerable.Repeat((byte)0x00, 16).ToArray();

        Assert.Throws<PowerCutException>(() => cut.Program(0, data, 0, data.Length));
        var back = new byte[16];
        chip.Read(0, back, 0, back.Length);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, back);
        Assert.Throws<PowerCutException>(() => cut.Read(0, back, 0, 1));
    }

    private sealed class Lines : ILineWriter
    {
        public List<string> All { get; } = new();

        public void WriteLine(string line) => All.Add(line);
    }

    /// <summary>Once programmed, reads one address with its lowest bit inverted, like a worn cell.</summary>
    private sealed class BitFlippingFlash(IFlash inner, int address) : IFlash
    {
        private bool programmed;

        public int PageSize => inner.PageSize;

        public int SectorSize => inner.SectorSize;

        public int SectorCount => inner.SectorCount;

        public void Read(int at, byte[] buffer, int offset, int count)
        {
            inner.Read(at, buffer, offset, count);
            if (programmed && address >= at && address < at + count)
            {
                buffer[offset + address - at] ^= 0x01;
            }
        }

        public void Program(int at, byte[] data, int offset, int count)
        {
            programmed = true;
            inner.Program(at, data, offset, count);
        }

        public void EraseSector(int sector) => inner.EraseSector(sector);
    }

    private sealed class DeadFlash : IFlash
    {
        public int PageSize => 256;

        public int SectorSize => 4096;

        public int SectorCount => 1;

        public void Read(int address, byte[] buffer, int offset, int count) => throw new IOException("chip does not answer");

        public void Program(int address, byte[] data, int offset, int count) => throw new IOException("chip does not answer");

        public void EraseSector(int sector) => throw new IOException("chip does not answer");
    }
}
