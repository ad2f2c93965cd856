using MealGateway.Tests.Security;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MealGateway.Settlement;
using MealGateway.Tests.ExactlyOnce;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.Settlement;

/// <summary>Issue #13 item 10: a month not yet begun by the gateway's clock is refused, not settled.</summary>
public sealed class FutureMonthTests : IDisposable
{
    private readonly MonthRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public void SettlingAMonthNotYetBegun_IsRefusedWithTheReason_AndWritesNothing()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-12-01", 12));

        var report = rig.Settler.Settle("2026-12");

        Assert.Equal("2026-12 尚未开始（网关当前日期 2026-11-23），不能结算未来的月份", Assert.Single(report.Problems));
        Assert.Empty(report.Revisions);
        Assert.Empty(rig.Statements.Heads());
        Assert.Empty(rig.Statements.Pending());
    }

    [Fact]
    public void AMonthBeginsAtLocalMidnight_NotAtUtcMidnight()
    {
        rig.Clock.Advance(new DateTimeOffset(2026, 11, 30, 15, 59, 0, TimeSpan.Zero) - rig.Clock.GetUtcNow()); // 23:59 local
        rig.Upload("S01", "T01", Meal(1, "2026-12-01", 7)); // hours ahead: a meal days ahead is held as implausible

        Assert.Single(rig.Settler.Settle("2026-12").Problems);
        rig.Clock.Advance(TimeSpan.FromMinutes(1)); // 00:00 local on 2026-12-01

        Assert.Empty(rig.Settler.Settle("2026-12").Problems);
        Assert.NotNull(rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-12"));
    }

    [Fact]
    public async Task PostSettle_OfAMonthNotYetBegun_Answers400WithTheReason()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-12-01", 12));
        rig.Store.Dispose();
        string policy = Path.Combine(rig.Directory, "policy.txt");
        File.WriteAllText(policy, PolicyText);
        await using (var gateway = await GatewayHost.StartAsync(new GatewayOptions
        {
            DataDirectory = rig.Directory, MqttPort = 0, HttpPort = 0, PolicyPath = policy, GatewayId = "GW1", Time = rig.Clock,
        }))
        {
            using var http = OperatorClients.County(gateway);
            using var refused = await http.PostAsync("/api/settle?month=2026-12", null);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var body = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("2026-12 尚未开始", body.GetProperty("error").GetString());
            using var settled = await http.PostAsync("/api/settle?month=2026-11", null);
            Assert.Equal(HttpStatusCode.OK, settled.StatusCode);
        }

        rig.Open();
        Assert.Null(rig.Statements.Revision(StatementKind.Monthly, "S01", "2026-12"));
    }
}
