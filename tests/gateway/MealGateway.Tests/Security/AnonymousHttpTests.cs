using System.Net;
using System.Text;

namespace MealGateway.Tests.Security;

/// <summary>
/// Issue #14: an outsider who reaches the HTTP port, without an account, could replace a roster,
/// change meal periods, settle and read personal data. Each attempt must be refused and leave the
/// stored data as it was.
/// </summary>
public sealed class AnonymousHttpTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("anon-http-").FullName;
    private GatewayHost gateway = null!;
    private HttpClient outsider = null!;

    public async Task InitializeAsync()
    {
        gateway = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = directory, MqttPort = 0, HttpPort = 0 });
        outsider = new HttpClient { BaseAddress = new Uri(gateway.HttpUrl) };
    }

    public async Task DisposeAsync()
    {
        outsider.Dispose();
        await gateway.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "/api/rosters/S01" },
        { "POST", "/api/configs/S01" },
        { "POST", "/api/settle?month=2026-10" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task WriteWithoutAnAccount_IsRefusedWith401_AndStoresNothing(string method, string path)
    {
        var response = await outsider.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(SecurityFixtures.RosterCsv, Encoding.UTF8, "text/csv"),
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(gateway.Ingest.Channels.Downloads.Images.All());
        Assert.Equal((0, 0), gateway.Settlement.Statements.OutboxCounts());
    }

    [Theory]
    [InlineData("/api/pending")]
    [InlineData("/api/pending?site=S01")]
    [InlineData("/api/anomalies?month=2026-10")]
    [InlineData("/api/statements/S01/2026-10")]
    [InlineData("/api/statements/S01/2026-10/csv?table=elders")]
    [InlineData("/api/statements/S01/2026-10/xlsx")]
    [InlineData("/api/statements/S01/2026-10/revisions")]
    [InlineData("/api/daily/S01/2026-10-01")]
    [InlineData("/api/outbox")]
    [InlineData("/api/tallies?day=2026-10-01")]
    [InlineData("/api/terminals")]
    [InlineData("/api/downloads")]
    public async Task ReadWithoutAnAccount_IsRefusedWith401(string path)
    {
        var response = await outsider.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task HealthStaysOpen_AndNamesNoElder()
    {
        string health = await outsider.GetStringAsync("/api/health");

        Assert.Contains("batchesStored", health);
        Assert.DoesNotContain("elder", health, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("attacker.example:80")]
    public async Task ForeignHostHeader_IsRefused_AgainstDnsRebinding(string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Host = host;

        var response = await outsider.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
