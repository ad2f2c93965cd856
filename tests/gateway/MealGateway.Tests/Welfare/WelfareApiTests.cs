using System.Net;
using System.Net.Http.Json;
using MealGateway.Accounts;
using MealGateway.Tests.Security;

namespace MealGateway.Tests.Welfare;

/// <summary>The welfare check over HTTP: the site host enters reasons and checks for their own site only; personal data needs an account.</summary>
public sealed class WelfareApiTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("welfare-").FullName;
    private GatewayHost gateway = null!;

    public async Task InitializeAsync() =>
        gateway = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = directory, MqttPort = 0, HttpPort = 0 });

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task TheSiteHost_EntersALeaveAndACheckForItsSite_ButNotForAnotherOrTheCounty()
    {
        using var host = OperatorClients.For(gateway, OperatorRole.SiteHost, "S01");
        using var anonymous = new HttpClient { BaseAddress = new Uri(gateway.HttpUrl) };
        var leave = new { elderId = 7, from = "2026-10-20", to = "2026-10-22", reason = "住院" };

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsJsonAsync("/api/welfare/S01/absences", leave)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsJsonAsync("/api/welfare/S01/visits", new { elderId = 7, day = "2026-10-20", outcome = "电话已联系" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsJsonAsync("/api/welfare/S01/absences", leave with { from = "2026-10-23" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsJsonAsync("/api/welfare/S02/absences", leave)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.GetAsync("/api/welfare?day=2026-10-20")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.GetAsync("/api/county/absences?month=2026-10")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("/api/welfare?day=2026-10-20&site=S01")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/welfare?day=2026-10-20&site=S01")).StatusCode);
    }
}
