using System.Net;
using System.Text.RegularExpressions;
using MealGateway.Accounts;
using MealGateway.Broker;
using MealGateway.Terminals;
using MealGateway.Tests.Settlement;

namespace MealGateway.Tests.OperatorConsole;

/// <summary>
/// The console's guards over plain HTTP (no browser): every page needs a login, forms that change
/// data need the anti-forgery token and the same role as the JSON API, and the overview calls a
/// terminal silent after three minutes without a heartbeat on the gateway's status clock.
/// </summary>
public sealed class ConsoleAccessTests : IAsyncLifetime
{
    private const string Password = "console-test-pw-1";
    private readonly string directory = Directory.CreateTempSubdirectory("console-").FullName;
    private readonly ManualClock statusClock = new(new DateTimeOffset(2026, 11, 23, 4, 0, 0, TimeSpan.Zero));
    private GatewayHost gateway = null!;

    public async Task InitializeAsync()
    {
        gateway = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = directory, MqttPort = 0, HttpPort = 0, StatusClock = statusClock });
        Assert.Null(gateway.Accounts.Add("zhen", OperatorRole.Township, ["S01"], Password));
        Assert.Null(gateway.Accounts.Add("zhan", OperatorRole.SiteHost, ["S01"], Password));
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task ConsolePage_WithoutLogin_RedirectsToTheLoginPage_AndAWrongPasswordIsRefusedInChinese()
    {
        using var http = Client();
        var page = await http.GetAsync("/console/terminals");
        Assert.Equal((HttpStatusCode.Redirect, "/console/login"), (page.StatusCode, page.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/console-assets/console.css")).StatusCode);

        var wrong = await http.PostAsync("/console/login", Form(("user", "zhen"), ("password", "wrong-password")));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("账户名或密码不对", await wrong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FormWithoutTheAntiForgeryToken_IsRefused_AndNoTerminalIsAdded()
    {
        using var http = await LoggedIn("zhen");
        var forged = await http.PostAsync("/console/terminals/S01", Form(("terminal", "T09")));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Empty(gateway.Credentials.All());

        string token = await Token(http, "/console/terminals");
        var added = await http.PostAsync("/console/terminals/S01", Form(("csrf", token), ("terminal", "T09")));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        string secret = Regex.Match(await added.Content.ReadAsStringAsync(), "id=\"secret\">([^<]+)<").Groups[1].Value;
        Assert.Equal(CredentialCheck.Accepted, gateway.Credentials.Check("S01/T09", secret, out _));
    }

    [Theory]
    [InlineData("zhen", "/console/reviews", "id=S01/T01/0000000001&decision=approve&reason=x")]
    [InlineData("zhen", "/console/settlement", "month=2026-10")]
    [InlineData("zhen", "/console/accounts", "name=eve&role=county&password=0123456789ab")]
    [InlineData("zhen", "/console/terminals/S02", "terminal=T01")]
    [InlineData("zhan", "/console/terminals/S01", "terminal=T01")]
    [InlineData("zhan", "/console/rosters/S01/enrol", "card=04998877&elder=1")]
    public async Task FormOutsideTheAccountsRole_IsRefusedWithAChinesePage_AndChangesNothing(string user, string path, string fields)
    {
        using var http = await LoggedIn(user);
        string token = await Token(http, "/console");
        var answer = await http.PostAsync(path, new StringContent($"csrf={token}&{fields}", null, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Contains("无权操作", await answer.Content.ReadAsStringAsync());
        Assert.Empty(gateway.Credentials.All());
        Assert.Null(gateway.Accounts.Find("eve"));
    }

    [Fact]
    public async Task Overview_CallsATerminalSilentAfterThreeMinutesWithoutHeartbeat_AndPutsItFirst()
    {
        var heartbeat = new StatusReport(true, true, true, "1.2.0", 1, 1, 23, 10, 600, 4, -60, 0, 0, 0);
        gateway.Ingest.Channels.Statuses.Record("S01", "T01", heartbeat);
        statusClock.Advance(TimeSpan.FromMinutes(18));
        gateway.Ingest.Channels.Statuses.Record("S01", "T02", heartbeat with { RecordsPending = 0 });

        using var http = await LoggedIn("zhen");
        string live = await http.GetStringAsync("/console/live");
        Assert.Matches("S01/T01</td><td><span class=\"badge silent\">静默", live);
        Assert.Matches("S01/T02</td><td><span class=\"badge online\">在线", live);
        Assert.Contains("<ol id=\"attention\" class=\"attention\"><li><a href=\"/console/terminals\">S01/T01</a>：静默：超过 3 分钟没有心跳，23 条记录未上传</li>", live);
        Assert.Contains("id=\"silent\">1<", live);
    }

    private HttpClient Client() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = new Uri(gateway.HttpUrl),
    };

    private async Task<HttpClient> LoggedIn(string user)
    {
        var http = Client();
        var login = await http.PostAsync("/console/login", Form(("user", user), ("password", Password)));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return http;
    }

    private static async Task<string> Token(HttpClient http, string page) =>
        Regex.Match(await http.GetStringAsync(page), "name=\"csrf\" value=\"([^\"]+)\"").Groups[1].Value;

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
