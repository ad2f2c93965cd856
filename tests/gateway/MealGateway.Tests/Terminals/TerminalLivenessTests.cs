using MealGateway.Tests.Settlement;
using MealGateway.Terminals;

namespace MealGateway.Tests.Terminals;

/// <summary>
/// Issue #16: a terminal that stopped 18 minutes ago still showed online because its retained
/// status said so. The gateway now calls it silent after three minutes without a heartbeat.
/// </summary>
public sealed class TerminalLivenessTests
{
    private static readonly StatusReport Heartbeat = new(true, true, true, "1.2.0", 3, 2, 23, 10, 600, 4, -60, 0, 0, 0);

    [Fact]
    public void TerminalWithoutHeartbeatForThreeMinutes_IsSilentThoughItsStatusSaysOnline()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 4, 0, 0, TimeSpan.Zero));
        var board = new StatusBoard(clock);
        var liveness = new TerminalLiveness(clock);
        board.Record("S01", "T01", Heartbeat);

        clock.Advance(TimeSpan.FromMinutes(3) - TimeSpan.FromSeconds(1));
        Assert.Equal(Liveness.Online, liveness.Of(board.Of("S01", "T01")));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(board.Of("S01", "T01")!.Online);
        Assert.Equal(Liveness.Silent, liveness.Of(board.Of("S01", "T01")));

        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(Liveness.Silent, liveness.Of(board.Of("S01", "T01")));

        board.Record("S01", "T01", Heartbeat);
        Assert.Equal(Liveness.Online, liveness.Of(board.Of("S01", "T01")));
    }

    [Fact]
    public void LastWill_IsOffline_AndAnUnseenTerminalIsNeverSeen()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 4, 0, 0, TimeSpan.Zero));
        var board = new StatusBoard(clock);
        var liveness = new TerminalLiveness(clock);
        board.Record("S01", "T01", Heartbeat);
        board.Record("S01", "T01", StatusReport.Offline);

        Assert.Equal(Liveness.Offline, liveness.Of(board.Of("S01", "T01")));
        Assert.Equal(Liveness.NeverSeen, liveness.Of(board.Of("S01", "T02")));
        Assert.Equal("静默", TerminalLiveness.Label(Liveness.Silent));
    }
}
