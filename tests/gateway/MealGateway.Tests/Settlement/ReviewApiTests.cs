using MealGateway.Tests.Security;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MealGateway.Settlement;
using MealGateway.Storage;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.Settlement;

/// <summary>Held meals and month anomalies over HTTP, as the operator console uses them (issue #13 item 5).</summary>
public sealed class ReviewApiTests : IDisposable
{
    private readonly MonthRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task AnomaliesAndReviews_OverHttp_ListEveryKindAndRefuseBadDecisionsWithNothingChanged()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-10-03", 12), Meal(9, "2026-10-03", 12, verdict: MealTerminal.Core.Meals.VerdictCode.ElderDeceased));
        rig.Upload("S02", "T05", Meal(1, "2026-10-03", 11));
        rig.Upload("S02", "T06", Meal(2, "2026-10-04", 12));
        rig.Upload("S02", "T07", Meal(2, "2026-10-04", 12));
        rig.Store.Dispose();
        string policy = Path.Combine(rig.Directory, "policy.txt");
        File.WriteAllText(policy, PolicyText);
        await using (var gateway = await GatewayHost.StartAsync(new GatewayOptions
        {
            DataDirectory = rig.Directory, MqttPort = 0, HttpPort = 0, PolicyPath = policy, GatewayId = "GW1", Time = rig.Clock,
        }))
        {
            using var http = OperatorClients.Named(gateway, "zhangsan", MealGateway.Accounts.OperatorRole.County);
            using var other = OperatorClients.Named(gateway, "lisi", MealGateway.Accounts.OperatorRole.County);

            // Before the fix /api/anomalies listed only what ingest records, not two-sites and repeat-at-site.
            var anomalies = await http.GetFromJsonAsync<JsonElement[]>("/api/anomalies?month=2026-10");
            Assert.Equal(
                new[] { AnomalyKind.BlockedCard, AnomalyKind.RepeatAtSite, AnomalyKind.TwoSites, AnomalyKind.TwoSites }.Order(),
                anomalies!.Select(a => a.GetProperty("kind").GetString()).Order());

            var held = await http.GetFromJsonAsync<JsonElement[]>("/api/reviews?month=2026-10");
            Assert.Equal(["S01/T01/0000000001", "S02/T07/0000000001"], held!.Select(h => h.GetProperty("id").GetString()));
            Assert.All(held!, h => Assert.Equal(HeldMeal.Pending, h.GetProperty("status").GetString()));

            Assert.Equal(HttpStatusCode.BadRequest, await Decide(http, "S01/T01/0000000001", "approve", ""));
            Assert.Equal(HttpStatusCode.BadRequest, await Decide(http, "S01/T01/0000000001", "maybe", "核实"));
            Assert.Equal(HttpStatusCode.NotFound, await Decide(http, "S01/T01/0000000099", "approve", "核实"));
            Assert.Equal(HttpStatusCode.NotFound, await Decide(http, "S02/T05/0000000001", "approve", "核实"));
            Assert.Equal(HttpStatusCode.OK, await Decide(http, "S01/T01/0000000001", "approve", "核实属实"));
            Assert.Equal(HttpStatusCode.Conflict, await Decide(other, "S01/T01/0000000001", "reject", "改主意"));

            var after = await http.GetFromJsonAsync<JsonElement[]>("/api/reviews?month=2026-10&site=S01");
            var decided = Assert.Single(after!);
            Assert.Equal((HeldMeal.Approved, "zhangsan", "核实属实"),
                (decided.GetProperty("status").GetString(), decided.GetProperty("decidedBy").GetString(), decided.GetProperty("reason").GetString()));
            Assert.Equal(HeldMeal.Pending, (await http.GetFromJsonAsync<JsonElement[]>("/api/reviews?month=2026-10&site=S02"))!.Single().GetProperty("status").GetString());
        }

        rig.Open();
    }

    private static async Task<HttpStatusCode> Decide(HttpClient http, string id, string decision, string reason)
    {
        using var response = await http.PostAsJsonAsync($"/api/reviews/{id}", new { decision, reason });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
        }

        return response.StatusCode;
    }
}
