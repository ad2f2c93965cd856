using MealGateway.Terminals;
using MealTerminal.Core.Sync;

namespace MealGateway.Tests.Terminals;

public class StatusDecoderTests
{
    private static byte[] Heartbeat(int pending = 12, int signal = -71, bool conflict = false)
    {
        var buffer = new byte[StatusCodec.Size];
        StatusCodec.Encode(buffer, new TerminalStatus
        {
            Online = true, ClockValid = true, FirmwareVersion = 0x010203, RosterVersion = 7, RecordsPending = pending,
            StorageUsedPercent = 3, UptimeSeconds = 3600, BootCount = 9, SignalDbm = signal, ReaderReinits = 2,
            IdentityConflict = conflict,
        });
        return buffer;
    }

    [Fact]
    public void Heartbeat_DecodesToWhatTheTerminalSent()
    {
        Assert.Equal(StatusRejection.None, StatusDecoder.TryDecode(Heartbeat(), out var report));
        Assert.Equal(new StatusReport(true, true, true, "1.2.3", 7, 0, 12, 3, 3600, 9, -71, 2, 0, 0), report);
    }

    [Fact]
    public void HeartbeatOfATerminalInAnIdentityConflict_SaysSo()
    {
        Assert.Equal(StatusRejection.None, StatusDecoder.TryDecode(Heartbeat(conflict: true), out var report));
        Assert.True(report!.IdentityConflict);
        Assert.Equal(StatusCodec.FlagIdentityConflict, Heartbeat(conflict: true)[1] & 0x08);
    }

    [Theory]
    [InlineData(0, StatusRejection.WrongLength)]
    [InlineData(1, StatusRejection.BadCrc)]
    public void DamagedHeartbeat_IsRefusedWithItsReason(int damage, StatusRejection expected)
    {
        var payload = Heartbeat();
        payload = damage == 0 ? payload[..^1] : payload;
        if (damage == 1)
        {
            payload[14] ^= 0xFF;
        }

        Assert.Equal(expected, StatusDecoder.TryDecode(payload, out var report));
        Assert.Null(report);
    }

    [Fact]
    public void LastWill_MarksTheTerminalOfflineAndKeepsItsLastHeartbeat()
    {
        var board = new StatusBoard(TimeProvider.System);
        StatusDecoder.TryDecode(Heartbeat(), out var heartbeat);
        board.Record("S01", "T01", heartbeat!);
        StatusDecoder.TryDecode("offline"u8, out var will);
        board.Record("S01", "T01", will!);

        var view = board.Of("S01", "T01")!;
        Assert.False(view.Online);
        Assert.Equal(12, view.LastHeartbeat!.RecordsPending);
    }
}
