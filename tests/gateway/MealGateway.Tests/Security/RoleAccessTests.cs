using System.Net;
using System.Text;
using MealGateway.Accounts;

namespace MealGateway.Tests.Security;

/// <summary>Each role reaches only what docs/security.md gives it; refused writes store nothing.</summary>
public sealed class RoleAccessTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("roles-").FullName;
    private GatewayHost gateway = null!;

    public async Task InitializeAsync() =>
        gateway = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = directory, MqttPort = 0, HttpPort = 0 });

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private static StringContent Roster() => new(SecurityFixtures.RosterCsv, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task TownshipOperator_ChangesItsOwnSitesRoster_ButNotAnotherSites()
    {
        using var township = OperatorClients.Township(gateway, "S01");

        Assert.Equal(HttpStatusCode.OK, (await township.PostAsync("/api/rosters/S01", Roster())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await township.PostAsync("/api/rosters/S02", Roster())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await township.PostAsync("/api/configs/S02", new StringContent(SecurityFixtures.ConfigText))).StatusCode);

        Assert.Equal(["S01"], gateway.Ingest.Channels.Downloads.Images.All().Select(i => i.Site).ToArray());
    }

    [Fact]
    public async Task SiteHost_ReadsItsOwnSite_AndChangesNothing()
    {
        using var host = OperatorClients.For(gateway, OperatorRole.SiteHost, "S01");

        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync("/api/statements/S01/2026-10")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("/api/pending?site=S01")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.GetAsync("/api/statements/S02/2026-10")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.GetAsync("/api/statements/S02/2026-10/csv?table=elders")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.GetAsync("/api/pending")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.GetAsync("/api/anomalies?month=2026-10")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync("/api/rosters/S01", Roster())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync("/api/settle?month=2026-10", null)).StatusCode);
        Assert.Empty(gateway.Ingest.Channels.Downloads.Images.All());
    }

    [Fact]
    public async Task OnlyTheCounty_SettlesAndReadsEverySite()
    {
        using var township = OperatorClients.Township(gateway, "S01");
        using var county = OperatorClients.County(gateway);

        Assert.Equal(HttpStatusCode.Forbidden, (await township.PostAsync("/api/settle?month=2026-10", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await township.GetAsync("/api/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync("/api/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync("/api/pending")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync("/api/anomalies?month=2026-10")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.PostAsync("/api/rosters/S01", Roster())).StatusCode);
    }

    [Fact]
    public async Task OnlyTheCounty_DecidesHeldMeals_AndOnlyTheSitesTownship_AcceptsANewLedger()
    {
        using var township = OperatorClients.Township(gateway, "S01");
        using var otherTownship = OperatorClients.Township(gateway, "S02");
        using var host = OperatorClients.For(gateway, OperatorRole.SiteHost, "S01");
        using var county = OperatorClients.County(gateway);
        var decision = () => new StringContent("{\"decision\":\"approve\",\"reason\":\"核实\"}", Encoding.UTF8, "application/json");

        Assert.Equal(HttpStatusCode.Forbidden, (await township.PostAsync("/api/reviews/S01/T01/0000000001", decision())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync("/api/reviews/S01/T01/0000000001", decision())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.PostAsync("/api/reviews/S01/T01/0000000001", decision())).StatusCode); // allowed, no such held meal

        Assert.Equal(HttpStatusCode.Forbidden, (await otherTownship.PostAsync("/api/terminals/S01/T01/reset-epoch", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync("/api/terminals/S01/T01/reset-epoch", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await township.PostAsync("/api/terminals/S01/T01/reset-epoch", null)).StatusCode); // allowed, no such terminal
    }

    [Fact]
    public async Task Lists_ShowOnlyTheSitesAnAccountMayRead()
    {
        using (var township = OperatorClients.Township(gateway, "S01", "S02"))
        {
            Assert.Equal(HttpStatusCode.OK, (await township.PostAsync("/api/rosters/S01", Roster())).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await township.PostAsync("/api/rosters/S02", Roster())).StatusCode);
        }

        using var host = OperatorClients.For(gateway, OperatorRole.SiteHost, "S02");
        string listed = await host.GetStringAsync("/api/downloads");

        Assert.Contains("\"site\":\"S02\"", listed);
        Assert.DoesNotContain("S01", listed);
    }

    [Theory]
    [MemberData(nameof(SecurityFixtures.HostileIds), MemberType = typeof(SecurityFixtures))]
    public async Task HostileSiteIdInTheUrl_IsRefusedWithAChineseError_AndNothingIsStored(string id)
    {
        using var county = OperatorClients.County(gateway);

        var response = await county.GetAsync($"/api/statements/{Uri.EscapeDataString(id)}/2026-10");
        var post = await county.PostAsync($"/api/rosters/{Uri.EscapeDataString(id)}", Roster());

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.NotFound });
        Assert.Contains(post.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.NotFound });
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.Contains("站点编号", await response.Content.ReadAsStringAsync());
        }

        Assert.Empty(gateway.Ingest.Channels.Downloads.Images.All());
    }

    [Fact]
    public async Task DisabledAccount_IsRefusedAtItsNextRequest()
    {
        using var county = OperatorClients.County(gateway);
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync("/api/outbox")).StatusCode);
        string name = gateway.Accounts.All().Single().Id;

        Assert.True(gateway.Accounts.Disable(name));

        Assert.Equal(HttpStatusCode.Unauthorized, (await county.GetAsync("/api/outbox")).StatusCode);
    }
}
