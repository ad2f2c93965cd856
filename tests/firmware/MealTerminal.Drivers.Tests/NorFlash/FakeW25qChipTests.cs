namespace MealTerminal.Drivers.Tests.NorFlash;

/// <summary>The fake behaves like the datasheet says, or the driver tests above prove nothing.</summary>
public class FakeW25qChipTests
{
    private static readonly byte[] WriteEnable = { 0x06 };
    private readonly FakeTime _time = new();
    private readonly FakeW25qChip _chip;

    public FakeW25qChipTests() => _chip = new FakeW25qChip(_time);

    [Fact]
    public void ProgramWithoutWriteEnable_ChangesNothing()
    {
        _chip.Write(new byte[] { 0x02, 0, 0, 0 }, 4, new byte[] { 0 }, 0, 1);
        Assert.Equal(0xFF, _chip.Memory[0]);
    }

    [Fact]
    public void ProgramCrossingThePageEnd_WrapsToThePageStart()
    {
        _chip.Write(WriteEnable, 1, WriteEnable, 0, 0);
        _chip.Write(new byte[] { 0x02, 0, 0, 254 }, 4, new byte[] { 1, 2, 3 }, 0, 3);
        Assert.Equal(new byte[] { 3, 0xFF }, _chip.Memory[0..2]);
        Assert.Equal(new byte[] { 1, 2 }, _chip.Memory[254..256]);
        Assert.Equal(0xFF, _chip.Memory[256]);
    }

    [Fact]
    public void WriteEnableLatch_StaysSetWhileBusy_AndClearsWhenTheProgramCompletes()
    {
        _chip.Write(WriteEnable, 1, WriteEnable, 0, 0);
        _chip.Write(new byte[] { 0x02, 0, 0, 0 }, 4, new byte[] { 0 }, 0, 1);
        Assert.True(_chip.Busy);
        Assert.True(_chip.WriteEnableLatch);

        _time.WaitMicroseconds(_chip.ProgramMicroseconds);

        Assert.False(_chip.Busy);
        Assert.False(_chip.WriteEnableLatch);
    }

    [Fact]
    public void CommandsWhileBusy_AreIgnored()
    {
        _chip.Write(WriteEnable, 1, WriteEnable, 0, 0);
        _chip.Write(new byte[] { 0x20, 0, 0, 0 }, 4, WriteEnable, 0, 0);
        _chip.Write(WriteEnable, 1, WriteEnable, 0, 0);
        _chip.Write(new byte[] { 0x02, 0, 0x10, 0 }, 4, new byte[] { 0 }, 0, 1);
        _time.WaitMicroseconds(_chip.EraseMicroseconds);

        Assert.Equal(1, _chip.ErasesDone);
        Assert.Equal(0, _chip.ProgramsDone);
        Assert.False(_chip.WriteEnableLatch);
    }
}
