using MealTerminal.Core.Sync;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Sync;

public class StatusReporterTests
{
    private static TerminalStatus Decode(byte[] payload)
    {
        var status = new TerminalStatus();
        Assert.True(StatusCodec.TryDecode(payload, payload.Length, status));
        return status;
    }

    [Fact]
    public void Heartbeat_IsSentOnConnect_AndThenEveryMinute()
    {
        var rig = new TerminalRig();
        rig.Terminal.Tick();
        Assert.Empty(rig.Uplink.On(UplinkChannel.Status));

        rig.Uplink.IsConnected = true;
        rig.Terminal.Tick();
        Assert.Single(rig.Uplink.On(UplinkChannel.Status));

        rig.Clock.Advance(TimeSpan.FromSeconds(59));
        rig.Terminal.Tick();
        Assert.Single(rig.Uplink.On(UplinkChannel.Status));

        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        rig.Terminal.Tick();
        Assert.Equal(2, rig.Uplink.On(UplinkChannel.Status).Count);
    }

    [Fact]
    public void Reconnect_SendsAHeartbeatAtOnce()
    {
        var rig = new TerminalRig();
        rig.Uplink.IsConnected = true;
        rig.Terminal.Tick();
        rig.Uplink.IsConnected = false;
        rig.Clock.Advance(TimeSpan.FromSeconds(5));
        rig.Terminal.Tick();
        rig.Uplink.IsConnected = true;
        rig.Terminal.Tick();
        Assert.Equal(2, rig.Uplink.On(UplinkChannel.Status).Count);
    }

    [Fact]
    public void Heartbeat_CarriesWhatTheTerminalKnows()
    {
        var rig = new TerminalRig();
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        rig.Tap(TerminalRig.Uid(1));
        rig.Tap(TerminalRig.Uid(2));
        rig.Terminal.Heartbeat.Status.FirmwareVersion = 0x010203;
        rig.Terminal.Heartbeat.Status.SignalDbm = -67;
        rig.Terminal.Heartbeat.Status.ReaderReinits = 3;
        rig.Terminal.Heartbeat.Status.ReaderHealthy = false;
        rig.Clock.MillisecondsSinceBoot = 125_400;
        rig.Uplink.IsConnected = true;
        rig.Terminal.Tick();

        var status = Decode(rig.Uplink.On(UplinkChannel.Status)[0]);
        Assert.True(status.Online);
        Assert.True(status.ClockValid);
        Assert.False(status.ReaderHealthy);
        Assert.Equal(0x010203u, status.FirmwareVersion);
        Assert.Equal(1u, status.RosterVersion);
        Assert.Equal(2, status.RecordsPending);
        Assert.Equal(rig.Terminal.Ledger.UsedPercent, status.StorageUsedPercent);
        Assert.Equal(125u, status.UptimeSeconds);
        Assert.Equal((uint)rig.Terminal.BootCount, status.BootCount);
        Assert.Equal(-67, status.SignalDbm);
        Assert.Equal(3, status.ReaderReinits);
    }

    [Fact]
    public void RefusedPublish_IsTriedAgainOnTheNextTick()
    {
        var uplink = new RefusingUplink();
        var rig = new TerminalRig();
        var reporter = new StatusReporter(uplink, rig.Clock, rig.Terminal.Ledger, rig.Terminal.Rosters, rig.Config, rig.Terminal.Sync);
        uplink.Refuse = true;
        reporter.Tick(1000);
        uplink.Refuse = false;
        reporter.Tick(1010);
        Assert.Equal(1, reporter.HeartbeatsSent);
        Assert.Equal(2, uplink.Attempts);
    }

    [Fact]
    public void CorruptHeartbeat_IsRefusedByTheDecoder()
    {
        var buffer = new byte[StatusCodec.Size];
        StatusCodec.Encode(buffer, new TerminalStatus { Online = true, RecordsPending = 5 });
        buffer[14] ^= 0x01;
        Assert.False(StatusCodec.TryDecode(buffer, buffer.Length, new TerminalStatus()));
    }

    [Fact]
    public void OfflineWill_DecodesAsOffline()
    {
        var buffer = new byte[16];
        int length = StatusCodec.EncodeOffline(buffer);
        var status = new TerminalStatus { Online = true };
        Assert.True(StatusCodec.TryDecode(buffer, length, status));
        Assert.False(status.Online);
        Assert.Equal("offline"u8.ToArray(), buffer.AsSpan(0, length).ToArray());
    }

    private sealed class RefusingUplink : IUplink
    {
        public bool Refuse { get; set; }

        public int Attempts { get; private set; }

        public bool IsConnected => true;

        public bool Publish(int channel, byte[] payload, int offset, int count)
        {
            Attempts++;
            return !Refuse;
        }

        public int TryReceive(byte[] buffer, out int channel)
        {
            channel = 0;
            return -1;
        }
    }
}
