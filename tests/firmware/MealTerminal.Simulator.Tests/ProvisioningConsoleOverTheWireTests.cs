using MealTerminal.Core.Flash;
using MealTerminal.Core.SelfTest;
using MealTerminal.Drivers.Provisioning;
using MealTerminal.Simulator.Provisioning;

namespace MealTerminal.Simulator.Tests;

/// <summary>
/// Issue #15: the host tool and the terminal's console speak the same line protocol. The tool's
/// ProvisioningClient writes to a wire; the terminal's ConsoleSession (the code the device runs over
/// COM2) reads it through a serial line of ours and answers onto the same wire.
/// </summary>
public class ProvisioningConsoleOverTheWireTests
{
    private readonly RamFlash _chip = new(8, 4096, 256);
    private readonly TerminalOnTheWire _wire;

    public ProvisioningConsoleOverTheWireTests()
    {
        _wire = new TerminalOnTheWire(_chip);
    }

    [Fact]
    public void ATechniciansScript_ProvisionsTheTerminal_ShowsSecretsMasked_AndRunsTheSelfTest()
    {
        string script = """
            SET site S01
            SET terminal T09
            SET wifi.ssid 村委会WiFi
            SET wifi.password se cret
            SET mqtt.host 192.168.1.10
            SET mqtt.password broker-pass
            SHOW
            SAVE
            SELFTEST
            """;
        var output = new StringWriter();

        int exit = ProvisionCommand.Converse(new ProvisioningClient(_wire), new StringReader(script), output);

        Assert.Equal(0, exit);
        string printed = output.ToString().Replace("\r\n", "\n");
        Assert.Contains("OK\nsite=S01\nterminal=T09\nwifi.ssid=村委会WiFi\nwifi.password=******\nmqtt.host=192.168.1.10\nmqtt.password=******\n", printed);
        Assert.DoesNotContain("se cret", printed);
        Assert.DoesNotContain("broker-pass", printed);
        Assert.Contains("OK 已保存", printed);
        Assert.Matches(@"OK pass=\d+ fail=0", printed);

        var sector = new byte[4096];
        _chip.Read(7 * 4096, sector, 0, sector.Length);
        var record = ProvisioningRecord.TryParse(sector, out string error);
        Assert.True(record != null, error);
        Assert.Equal("se cret", record!.Get("wifi.password", ""));
        Assert.Equal("村委会WiFi", record.Get("wifi.ssid", ""));
    }

    [Fact]
    public void AnIncompleteRecord_IsNotSaved_AndTheToolExitsWithOne()
    {
        var output = new StringWriter();

        int exit = ProvisionCommand.Converse(new ProvisioningClient(_wire), new StringReader("SET site S01\nSAVE\n"), output);

        Assert.Equal(1, exit);
        Assert.StartsWith("ERR", output.ToString().Split('\n')[1]);
        var sector = new byte[4096];
        _chip.Read(7 * 4096, sector, 0, sector.Length);
        Assert.All(sector, b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public void AnswersOfSeveralLines_AreReadToTheEmptyLine_NotCutAtTheFirst()
    {
        var client = new ProvisioningClient(_wire);
        client.Send("SET site S01");
        client.Send("SET terminal T09");

        Assert.Equal(["OK", "site=S01", "terminal=T09"], client.Send("SHOW"));
        Assert.Equal(["OK site"], client.Send("SET site S02"));
    }

    /// <summary>The wire between the tool and a terminal: what the tool writes, the terminal's session reads and answers at once.</summary>
    private sealed class TerminalOnTheWire : Stream, ISerialLine
    {
        private readonly Queue<byte> _toTerminal = new();
        private readonly Queue<byte> _toTool = new();
        private readonly ConsoleSession _session;

        public TerminalOnTheWire(RamFlash chip)
        {
            _session = new ConsoleSession(this, new ProvisioningConsole(chip, new HostSelfTest(chip)));
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            foreach (byte b in buffer.AsSpan(offset, count))
            {
                _toTerminal.Enqueue(b);
            }

            _session.Poll();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && _toTool.Count > 0)
            {
                buffer[offset + n++] = _toTool.Dequeue();
            }

            return n; // 0: the terminal has nothing more to say (end of stream for the client)
        }

        int ISerialLine.Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && _toTerminal.Count > 0)
            {
                buffer[offset + n++] = _toTerminal.Dequeue();
            }

            return n;
        }

        void ISerialLine.Write(byte[] buffer, int offset, int count)
        {
            foreach (byte b in buffer.AsSpan(offset, count))
            {
                _toTool.Enqueue(b);
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>SELFTEST as the device runs it (ConsoleSelfTest), with the chip's scratch sector.</summary>
    private sealed class HostSelfTest(RamFlash chip) : IConsoleSelfTest
    {
        public string Run()
        {
            var run = new SelfTestRun(new NoLines(), chip, chip.SectorCount - 2);
            run.Run();
            return $"pass={run.Passed} fail={run.Failed}";
        }
    }

    private sealed class NoLines : ILineWriter
    {
        public void WriteLine(string line)
        {
        }
    }
}
