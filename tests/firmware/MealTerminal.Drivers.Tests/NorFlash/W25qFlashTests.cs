using MealTerminal.Drivers.NorFlash;

namespace MealTerminal.Drivers.Tests.NorFlash;

public class W25qFlashTests
{
    private readonly FakeTime _time = new();
    private readonly FakeW25qChip _chip;

    public W25qFlashTests() => _chip = new FakeW25qChip(_time);

    [Theory]
    [InlineData(0x16, 1024)]
    [InlineData(0x18, 4096)]
    public void Open_SizesTheFlashFromTheJedecCapacity(byte capacity, int sectors)
    {
        var flash = W25qFlash.Open(new FakeW25qChip(_time, capacity), _time);
        Assert.Equal(sectors, flash.SectorCount);
        Assert.Equal(256, flash.PageSize);
        Assert.Equal(4096, flash.SectorSize);
    }

    [Fact]
    public void Open_RefusesAChipThatIsNotWinbond()
    {
        _chip.JedecId[0] = 0xC8; // GigaDevice
        var fault = Assert.Throws<FlashFaultException>(() => W25qFlash.Open(_chip, _time));
        Assert.Contains("0xC8", fault.Message);
    }

    [Fact]
    public void Open_RefusesAnUnknownCapacity()
    {
        _chip.JedecId[2] = 0x17;
        Assert.Throws<FlashFaultException>(() => W25qFlash.Open(_chip, _time));
    }

    [Fact]
    public void Open_WakesAChipLeftInPowerDown()
    {
        _chip.PoweredDown = true;
        var flash = W25qFlash.Open(_chip, _time);
        Assert.False(_chip.PoweredDown);
        Assert.Equal(1024, flash.SectorCount);
    }

    [Fact]
    public void ProgramThenRead_RoundTrips_AndWaitsOnlyAsLongAsTheChipIsBusy()
    {
        var flash = W25qFlash.Open(_chip, _time);
        var data = new byte[] { 1, 2, 3, 4, 5 };
        flash.Program(0x1230, data, 1, 4);

        var read = new byte[4];
        flash.Read(0x1230, read, 0, 4);
        Assert.Equal(new byte[] { 2, 3, 4, 5 }, read);
        Assert.InRange(_time.TotalWaited, 400, 500);
    }

    [Fact]
    public void Program_WhenWriteEnableDoesNotLatch_FailsInsteadOfPretending()
    {
        var flash = W25qFlash.Open(_chip, _time);
        _chip.WriteProtected = true;

        var fault = Assert.Throws<FlashFaultException>(() => flash.Program(0, new byte[] { 0 }, 0, 1));
        Assert.Contains("write enable", fault.Message);
        Assert.Equal(0, _chip.ProgramsDone);
    }

    [Fact]
    public void Program_SentWhileTheChipWentBusy_IsIgnoredByTheChip_AndDetected()
    {
        var flash = W25qFlash.Open(_chip, _time);
        _chip.GoBusyAfterWriteEnableMicroseconds = 1000;

        var fault = Assert.Throws<FlashFaultException>(() => flash.Program(0, new byte[] { 0 }, 0, 1));
        Assert.Contains("ignored", fault.Message);
        Assert.Equal(0, _chip.ProgramsDone);
        Assert.Equal(0xFF, _chip.Memory[0]);
    }

    [Fact]
    public void Erase_LostOnTheBus_IsDetected()
    {
        var flash = W25qFlash.Open(_chip, _time);
        _chip.DropNextOpcode = 0x20;

        Assert.Throws<FlashFaultException>(() => flash.EraseSector(3));
        Assert.Equal(0, _chip.ErasesDone);
    }

    [Fact]
    public void Erase_SlowerThanTheDatasheetMaximum_TimesOut()
    {
        var flash = W25qFlash.Open(_chip, _time);
        _chip.EraseMicroseconds = 450_000; // tSE max is 400 ms

        var fault = Assert.Throws<FlashFaultException>(() => flash.EraseSector(0));
        Assert.Contains("busy", fault.Message);
    }

    [Fact]
    public void Erase_WithinTheDatasheetMaximum_Succeeds()
    {
        var flash = W25qFlash.Open(_chip, _time);
        _chip.EraseMicroseconds = 390_000;
        flash.Program(5, new byte[] { 0 }, 0, 1);

        flash.EraseSector(0);

        Assert.Equal(0xFF, _chip.Memory[5]);
    }

    [Fact]
    public void Program_CrossingAPageBoundary_IsRefusedBeforeTheChipWrapsIt()
    {
        var flash = W25qFlash.Open(_chip, _time);
        Assert.Throws<ArgumentException>(() => flash.Program(250, new byte[10], 0, 10));
        Assert.Equal(0, _chip.ProgramsDone);
    }

    [Fact]
    public void Read_PastTheEndOfTheChip_IsMisuse()
    {
        var flash = W25qFlash.Open(_chip, _time);
        Assert.Throws<ArgumentOutOfRangeException>(() => flash.Read(4 * 1024 * 1024 - 2, new byte[4], 0, 4));
    }
}
