using System.Net;
using System.Security.Claims;
using MealGateway.Metrics;
using MealGateway.Tests.Settlement;
using MealGateway.Terminals;

namespace MealGateway.Tests.Metrics;

public sealed class TerminalCensusTests
{
    private static readonly StatusReport Heartbeat = new(true, true, true, "1.2.0", 3, 2, 23, 10, 600, 4, -60, 0, 0, 0);

    [Fact]
    public void TerminalsTurnSilentThreeMinutesAfterTheirLastHeartbeat_OnTheGatewaysClock()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 4, 0, 0, TimeSpan.Zero));
        var board = new StatusBoard(clock);
        var liveness = new TerminalLiveness(clock);
        board.Record("S01", "T01", Heartbeat);
        board.Record("S01", "T02", Heartbeat with { RecordsPending = 7 });
        clock.Advance(TimeSpan.FromMinutes(2));
        board.Record("S01", "T02", Heartbeat with { RecordsPending = 5 });
        board.Record("S02", "T01", StatusReport.Offline);

        clock.Advance(TimeSpan.FromMinutes(1));
        var census = TerminalCensus.Of(["S01/T01", "S03/T09"], board.All(), liveness);

        Assert.Equal((1, 1, 1, 1), (census.Count(Liveness.Online), census.Count(Liveness.Silent), census.Count(Liveness.Offline), census.Count(Liveness.NeverSeen)));
        Assert.Equal(23 + 5, census.BacklogBySite["S01"]);
        Assert.Equal(0, census.BacklogBySite["S03"]);
    }

    [Fact]
    public void MetricsFromAnotherMachine_NeedAnOperatorToken_FromThisMachineNot()
    {
        var remote = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        remote.Connection.RemoteIpAddress = IPAddress.Parse("192.168.1.20");
        Assert.False(MetricsEndpoint.MayRead(remote));

        remote.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "prometheus")], "operator"));
        Assert.True(MetricsEndpoint.MayRead(remote));

        var local = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        local.Connection.RemoteIpAddress = IPAddress.Parse("::ffff:127.0.0.1");
        Assert.True(MetricsEndpoint.MayRead(local));
    }
}
