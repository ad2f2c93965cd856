using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MealGateway.Accounts;
using MealGateway.Downloads;
using MealGateway.Tests.DeskReader;
using MealGateway.Tests.Security;
using MealGateway.Tests.Settlement;
using MealTerminal.Core.Cards;
using MealTerminal.Core.Sync;
using static MealGateway.Tests.OperatorConsole.ConsoleForms;

namespace MealGateway.Tests.OperatorConsole;

/// <summary>
/// Issue #16: the 名册与配置 page shows the enrolment desk's taps (the emulated MFRC522 here), a
/// township operator picks the elder for a tapped card, and the card joins the site's next roster
/// version like an unknown-card tap. County sees the taps; site hosts and other townships cannot enrol.
/// </summary>
public sealed class DeskEnrolmentTests : IAsyncLifetime
{
    private const string Password = "console-test-pw-1";
    private const string NewCard = "04C1D2E3F4A5B6";
    private readonly string data = Directory.CreateTempSubdirectory("desk-console-").FullName;
    private readonly RfField field = new();
    private GatewayHost gateway = null!;

    public async Task InitializeAsync()
    {
        gateway = await GatewayHost.StartAsync(new GatewayOptions
        {
            DataDirectory = data, MqttPort = 0, HttpPort = 0, DeskReader = new EmulatedMfrc522(field),
            Time = new ManualClock(new DateTimeOffset(2026, 11, 23, 6, 5, 0, TimeSpan.Zero)), // 14:05 at the sites
        });
        foreach (var (name, role, sites) in new[] { ("zhen", OperatorRole.Township, new[] { "S01" }), ("lin", OperatorRole.Township, ["S02"]),
            ("xian", OperatorRole.County, []), ("zhan", OperatorRole.SiteHost, ["S01"]) })
        {
            Assert.Null(gateway.Accounts.Add(name, role, sites, Password));
        }

        using var api = OperatorClients.Township(gateway, "S01", "S02");
        foreach (string site in new[] { "S01", "S02" })
        {
            var roster = await api.PostAsync($"/api/rosters/{site}", new StringContent("卡号,老人编号,类别\n04A1B2C3D4E5F6,1,普通\n1A2B3C4D,3,低保\n", Encoding.UTF8, "text/csv"));
            Assert.Equal(HttpStatusCode.OK, roster.StatusCode);
        }

        var tapped = gateway.DeskTaps!.NextAsync();
        field.Place(new EmulatedCard(Convert.FromHexString(NewCard)));
        await HangGuard.Of(tapped, "the desk reader's tap");
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task ADeskTap_IsEnrolledFromTheRostersPage_AndJoinsTheSitesNextRosterVersion()
    {
        using var http = await LoggedIn("zhen");
        string page = await http.GetStringAsync("/console/rosters");
        Assert.Matches($"<table id=\"desk-taps\">.*<code>{NewCard}</code>.*<option value=\"S01\\|3\">S01 老人 3（低保）</option>", page);
        Assert.DoesNotContain("S02|3", page); // only the sites this operator manages
        Assert.Contains($"<td>2026-11-23 14:05</td><td><code>{NewCard}</code>", page); // on the gateway's clock, as the rest of the page

        var enrolled = await http.PostAsync("/console/desk/enrol", Form(("csrf", Token(page)), ("card", NewCard), ("elder", "S01|3")));
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        string answer = await enrolled.Content.ReadAsStringAsync();
        Assert.Contains($"发卡台的卡 {NewCard} 已登记给站点 S01 老人 3", answer);
        Assert.Contains("已登记给站点 S01 老人 3（zhen）", answer); // the desk row now says so instead of offering the form

        var published = await http.PostAsync("/console/rosters/S01/publish", Form(("csrf", Token(page))));
        Assert.Contains("名册第 2 版已发布（3 张卡）", await published.Content.ReadAsStringAsync());
        var entry = RosterImageEntries.Read(gateway.Ingest.Channels.Downloads.Images.Current("S01", DownloadCodec.KindRoster)!.Image)
            .Single(e => CardKey.ToHex(e.CardKey, 0) == NewCard);
        Assert.Equal(3u, entry.ElderId);
        Assert.Equal(1, gateway.Ingest.Channels.Downloads.Images.Current("S02", DownloadCodec.KindRoster)!.Version);
    }

    [Fact]
    public async Task AnotherTownship_CannotEnrolForASiteItDoesNotManage_AndNothingIsStored()
    {
        using var http = await LoggedIn("lin");
        string page = await http.GetStringAsync("/console/rosters");
        var refused = await http.PostAsync("/console/desk/enrol", Form(("csrf", Token(page)), ("card", NewCard), ("elder", "S01|3")));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("无权操作", await refused.Content.ReadAsStringAsync());
        Assert.Empty(new CardEnrolments(gateway.Store, gateway.Ingest.Channels.Downloads.Images).Of(null));
    }

    [Fact]
    public async Task TheCountySeesTheDeskTapsWithoutAForm_AndASiteHostDoesNotSeeThem()
    {
        using var county = await LoggedIn("xian");
        string page = await county.GetStringAsync("/console/rosters");
        Assert.Contains($"<code>{NewCard}</code></td><td><small>乡镇账户可登记</small>", page);
        var refused = await county.PostAsync("/console/desk/enrol", Form(("csrf", Token(page)), ("card", NewCard), ("elder", "S01|3")));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var host = await LoggedIn("zhan");
        Assert.DoesNotContain("desk-taps", await host.GetStringAsync("/console/rosters"));
    }

    [Fact]
    public async Task AChoiceWithoutASite_IsRefusedInChinese()
    {
        using var http = await LoggedIn("zhen");
        string page = await http.GetStringAsync("/console/rosters");
        var refused = await http.PostAsync("/console/desk/enrol", Form(("csrf", Token(page)), ("card", NewCard), ("elder", "")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("请为卡选择站点和老人", await refused.Content.ReadAsStringAsync());
    }

    private Task<HttpClient> LoggedIn(string user) => ConsoleForms.LoggedIn(gateway, user, Password);
}
