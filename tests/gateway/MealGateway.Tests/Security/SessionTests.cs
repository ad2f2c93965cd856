using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MealGateway.Accounts;

namespace MealGateway.Tests.Security;

/// <summary>
/// Browser sessions: HttpOnly SameSite=Strict cookie, anti-forgery token on writes, cross-site
/// writes refused even with a valid session, and login throttling that costs no hash.
/// </summary>
public sealed class SessionTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private readonly string directory = Directory.CreateTempSubdirectory("sessions-").FullName;
    private GatewayHost gateway = null!;

    public async Task InitializeAsync()
    {
        // A clock that stands still: a lockout cannot run out while the test is slow.
        var clock = new Settlement.ManualClock(DateTimeOffset.UtcNow);
        gateway = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = directory, MqttPort = 0, HttpPort = 0, SecurityClock = clock });
        Assert.Null(gateway.Accounts.Add("zhang", OperatorRole.Township, ["S01"], Password));
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private async Task<(HttpClient Browser, string Csrf, HttpResponseMessage Login)> LogInAsync()
    {
        var browser = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(gateway.HttpUrl) };
        var login = await browser.PostAsJsonAsync("/api/login", new { user = "zhang", password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var body = await login.Content.ReadFromJsonAsync<JsonElement>();
        return (browser, body.GetProperty("csrfToken").GetString()!, login);
    }

    private static HttpRequestMessage RosterPost(string? csrf, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/rosters/S01") { Content = new StringContent(SecurityFixtures.RosterCsv, Encoding.UTF8, "text/csv") };
        if (csrf is not null)
        {
            request.Headers.Add("X-CSRF-Token", csrf);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    [Fact]
    public async Task Login_SetsAnHttpOnlySameSiteStrictCookie()
    {
        var (browser, _, login) = await LogInAsync();
        using var _ = browser;

        string cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task CookieWrite_WithoutTheAntiForgeryToken_IsRefused_AndWithItSucceeds()
    {
        var (browser, csrf, _) = await LogInAsync();
        using var _ = browser;

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(RosterPost(null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(RosterPost("forged"))).StatusCode);
        Assert.Empty(gateway.Ingest.Channels.Downloads.Images.All());

        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(RosterPost(csrf))).StatusCode);
        Assert.Single(gateway.Ingest.Channels.Downloads.Images.All());
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Referer", "http://evil.example/page.html")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task CrossSiteWrite_IsRefused_EvenWithAValidSessionAndToken(string header, string value)
    {
        var (browser, csrf, _) = await LogInAsync();
        using var _ = browser;
        var request = RosterPost(csrf);
        request.Headers.Add(header, value);

        var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("跨站", await response.Content.ReadAsStringAsync());
        Assert.Empty(gateway.Ingest.Channels.Downloads.Images.All());
    }

    [Fact]
    public async Task SameOriginWrite_IsAccepted()
    {
        var (browser, csrf, _) = await LogInAsync();
        using var _ = browser;

        var response = await browser.SendAsync(RosterPost(csrf, origin: gateway.HttpUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RepeatedWrongPasswords_LockTheAccountOut_BeforeAnyHashIsComputed()
    {
        using var guesser = new HttpClient { BaseAddress = new Uri(gateway.HttpUrl) };
        for (int i = 0; i < 5; i++)
        {
            var wrong = await guesser.PostAsJsonAsync("/api/login", new { user = "zhang", password = $"guess-{i}" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        // Locked out now: even the right password is refused, so the check came before the hash.
        var locked = await guesser.PostAsJsonAsync("/api/login", new { user = "zhang", password = Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("稍后", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BearerToken_FromAnAuthenticatedSession_WorksForScripts()
    {
        var (browser, csrf, _) = await LogInAsync();
        using var _ = browser;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/tokens?days=7");
        request.Headers.Add("X-CSRF-Token", csrf);
        var issued = await (await browser.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();

        using var script = new HttpClient { BaseAddress = new Uri(gateway.HttpUrl) };
        script.DefaultRequestHeaders.Authorization = new("Bearer", issued.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await script.PostAsync("/api/rosters/S01", new StringContent(SecurityFixtures.RosterCsv))).StatusCode);

        script.DefaultRequestHeaders.Authorization = new("Bearer", "mgt_" + new string('0', 64));
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/me")).StatusCode);
    }
}
