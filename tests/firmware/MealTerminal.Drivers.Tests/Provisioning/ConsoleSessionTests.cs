using MealTerminal.Core.Flash;
using MealTerminal.Drivers.Provisioning;

namespace MealTerminal.Drivers.Tests.Provisioning;

/// <summary>The console's framing on a serial line (issue #15): lines in, answers ending with an empty line out.</summary>
public class ConsoleSessionTests
{
    private readonly SerialPipe _pipe = new();
    private readonly RamFlash _chip = new(4, 4096, 256);
    private readonly ConsoleSession _session;

    public ConsoleSessionTests()
    {
        _session = new ConsoleSession(_pipe, new ProvisioningConsole(_chip, new NoSelfTest()));
    }

    [Fact]
    public void LinesSplitAcrossReads_WithCrLf_AreAnswered_EachAnswerEndingWithAnEmptyLine()
    {
        _pipe.Send("SET site S01\r\nSET wifi.ssid 村委会 WiFi\nSET wifi.password se cret\r\nSHOW\n");

        Assert.Equal(4, _session.Poll());
        Assert.Equal("OK site\n\nOK wifi.ssid\n\nOK wifi.password\n\nOK\nsite=S01\nwifi.ssid=村委会 WiFi\nwifi.password=******\n\n", _pipe.TakeOutput());
    }

    [Fact]
    public void APartLine_WaitsForItsNewline()
    {
        _pipe.Send("SHO");
        Assert.Equal(0, _session.Poll());
        Assert.Equal(string.Empty, _pipe.TakeOutput());

        _pipe.Send("W\n");
        Assert.Equal(1, _session.Poll());
        Assert.Equal("OK\n\n", _pipe.TakeOutput());
    }

    [Theory]
    [InlineData(new byte[] { (byte)'S', (byte)'E', (byte)'T', (byte)' ', (byte)'s', (byte)'i', (byte)'t', (byte)'e', (byte)' ', (byte)'S', 0x00, (byte)'1', (byte)'\n' })]
    [InlineData(new byte[] { (byte)'S', (byte)'E', (byte)'T', (byte)' ', (byte)'s', (byte)'i', (byte)'t', (byte)'e', (byte)' ', 0xE5, 0x8D, (byte)'\n' })]
    [InlineData(new byte[] { (byte)'S', (byte)'E', (byte)'T', (byte)' ', (byte)'s', (byte)'i', (byte)'t', (byte)'e', (byte)' ', 0xEF, 0xBB, 0xBF, (byte)'1', (byte)'\n' })]
    public void ALineTheRuntimesWouldReadDifferently_IsRefused_AndChangesNothing(byte[] line)
    {
        _pipe.Send(line);
        _pipe.Send("SHOW\n");
        _session.Poll();

        Assert.Equal("ERR 命令含控制字符或无效的UTF-8\n\nOK\n\n", _pipe.TakeOutput());
    }

    [Fact]
    public void AnOverlongLine_IsRefused_AndTheNextLineIsReadAfresh()
    {
        _pipe.Send("SET site " + new string('A', ConsoleSession.MaxLineBytes) + "\nSET site S02\nSHOW\n");
        _session.Poll();

        Assert.Equal($"ERR 命令过长 (最多{ConsoleSession.MaxLineBytes}字节)\n\nOK site\n\nOK\nsite=S02\n\n", _pipe.TakeOutput());
    }

    private sealed class NoSelfTest : IConsoleSelfTest
    {
        public string Run() => "pass=0 fail=0";
    }
}
