using MealGateway.DeskReader;
using MealGateway.Tests.ExactlyOnce;

namespace MealGateway.Tests.DeskReader;

/// <summary>The enrol-reader command and `run --desk-reader`, as the operator runs them: a separate process.</summary>
public sealed class EnrolReaderCliTests
{
    [Fact]
    public async Task EnrolReader_WithoutAnSpiDevice_SaysSoInOneChineseLine()
    {
        string empty = Directory.CreateTempSubdirectory("no-spi-").FullName;
        try
        {
            var result = await GatewayProcess.RunCommandAsync("enrol-reader", "--spi-bus", "0", "--chip-select", "1", "--device-root", empty);

            Assert.Equal(2, result.Exit);
            Assert.Equal($"错误：找不到 SPI 设备 {Path.Combine(empty, "spidev0.1")}：请按 hardware/desk-reader.md 接好 MFRC522 读卡器，并用 raspi-config 启用 SPI", result.Error.TrimEnd());
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Theory]
    [InlineData("spi0")]
    [InlineData("spi0.0.1")]
    [InlineData("spi-1.0")]
    [InlineData("0.0")]
    public async Task RunWithABadDeskReaderName_IsRefusedBeforeAnythingStarts(string spec)
    {
        string data = Path.Combine(Path.GetTempPath(), "desk-bad-" + Guid.NewGuid().ToString("N"));

        var result = await GatewayProcess.RunCommandAsync("run", "--data", data, "--desk-reader", spec);

        Assert.Equal(2, result.Exit);
        Assert.Contains("--desk-reader 应为 spi总线.片选", result.Error);
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public void ATapPrints_TheRosterCardNumber_OrWhyARandomUidCannotBeEnrolled()
    {
        var at = DateTimeOffset.UnixEpoch;
        Assert.Equal("卡号 04A1B2C3D4E5F6（7 字节）", EnrolReaderCommand.Line(new DeskTap("04A1B2C3D4E5F6", 7, false, at)));
        Assert.StartsWith("随机卡号 08112233：", EnrolReaderCommand.Line(new DeskTap("08112233", 4, true, at)));
    }
}
