using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MealGateway.Accounts;
using MealGateway.Tests.Security;
using MealGateway.Tests.Settlement;
using static MealGateway.Tests.Settlement.MonthRig;
using static MealGateway.Tests.OperatorConsole.ConsoleForms;

namespace MealGateway.Tests.OperatorConsole;

/// <summary>
/// Issue #17 in the console: the 常来未到 page lists a day's absent regulars with their names and runs,
/// records checks and known reasons through the welfare API's code, refuses operators of other sites,
/// and says the list is not ready before the cut-off. The gateway's clock is the rig's (14:00 local).
/// </summary>
public sealed class WelfarePageTests : IAsyncLifetime
{
    private const string Password = "console-test-pw-1";
    private readonly MonthRig rig = new();
    private GatewayHost gateway = null!;

    /// <summary>S01 serves 11-16..23: elder 2 stops coming after 11-20 (absent 3 days in a row), elder 3 misses 11-23; at S02 elder 11 misses 11-23.</summary>
    public async Task InitializeAsync()
    {
        for (int d = 16; d <= 23; d++)
        {
            string day = $"2026-11-{d}";
            rig.Upload("S01", "T01", Meal(1, day, 12));
            if (d <= 20)
            {
                rig.Upload("S01", "T01", Meal(2, day, 12));
            }

            if (d <= 22)
            {
                rig.Upload("S01", "T01", Meal(3, day, 12));
                rig.Upload("S02", "T05", Meal(11, day, 12));
            }

            rig.Upload("S02", "T05", Meal(12, day, 12));
        }

        rig.Store.Dispose();
        rig.Clock.Advance(TimeSpan.FromHours(4)); // 2026-11-23 14:00 at the sites: the default cut-off
        gateway = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = rig.Directory, MqttPort = 0, HttpPort = 0, Time = rig.Clock });
        foreach (var (name, role, sites) in new[] { ("zhen", OperatorRole.Township, new[] { "S01" }), ("lin", OperatorRole.Township, ["S02"]),
            ("xian", OperatorRole.County, []), ("zhan", OperatorRole.SiteHost, ["S01"]) })
        {
            Assert.Null(gateway.Accounts.Add(name, role, sites, Password));
        }

        using var api = OperatorClients.Township(gateway, "S01");
        var roster = await api.PostAsync("/api/rosters/S01", new StringContent(
            "卡号,老人编号,类别,姓名\n04A1B2C3D4E5F6,1,普通,李建国\n04A1B2C3D4E5F7,2,普通,王秀英\n1A2B3C4D,3,低保,张桂兰\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, roster.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        rig.Open();
        rig.Dispose();
    }

    [Fact]
    public async Task ThePage_ListsTheAbsentRegulars_WithMaskedNamesAndRuns_TheLongestRunFirst()
    {
        using var http = await LoggedIn("zhen");
        string page = await http.GetStringAsync("/console/welfare");

        Assert.Contains("<a href=\"/console/welfare\" class=\"current\" aria-current=\"page\">常来未到</a>", page);
        Assert.Contains("value=\"2026-11-23\"", page); // today by the gateway's clock
        Assert.Matches("<table id=\"absent-S01\">.*<td>王＊英</td><td>2</td><td><strong>3 天</strong></td><td>—</td><td>未探访</td>.*<td>张＊兰</td><td>3</td><td>1 天</td>", page);
        Assert.DoesNotContain("absent-S02", page); // a township sees its own sites only
        Assert.Contains("共 <strong>2</strong> 位常来老人未到，其中连续多日未到 1 位", page);
    }

    [Fact]
    public async Task TheCounty_SeesEverySiteAndTheCountyWideCount()
    {
        using var http = await LoggedIn("xian");
        string page = await http.GetStringAsync("/console/welfare?day=2026-11-23");

        Assert.Contains("全县共 <strong>3</strong> 位常来老人未到", page);
        Assert.Matches("<table id=\"welfare-sites\">.*<a href=\"#site-S01\">S01</a></td><td>2</td><td>1</td>.*<a href=\"#site-S02\">S02</a></td><td>1</td><td>0</td>", page);
        Assert.Matches("<table id=\"absent-S02\">.*<td>—</td><td>11</td><td>1 天</td>", page); // S02's roster carries no names
    }

    [Fact]
    public async Task ACheckRecordedFromThePage_ShowsWhoAndWhen_AndTheApiSeesIt()
    {
        using var http = await LoggedIn("zhan");
        string page = await http.GetStringAsync("/console/welfare?site=S01");
        var posted = await http.PostAsync("/console/welfare/S01/visits",
            Form(("csrf", Token(page)), ("day", "2026-11-23"), ("view", "S01"), ("elder", "2"), ("outcome", "电话联系，在女儿家")));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        string answer = await posted.Content.ReadAsStringAsync();
        Assert.Contains("已记录对站点 S01 老人 2 的探访", answer);
        Assert.Matches("<td>王＊英</td><td>2</td>.*<td>zhan · 2026-11-23 14:00<br>电话联系，在女儿家</td>", answer);
        var line = gateway.Settlement.Welfare.Absent("2026-11-23", "S01").Lines.Single(l => l.ElderId == 2);
        Assert.Equal(("zhan", "电话联系，在女儿家"), (line.CheckedBy, line.Outcome));
    }

    [Fact]
    public async Task AKnownReasonEnteredFromThePage_CoversTheElder()
    {
        using var http = await LoggedIn("zhen");
        string page = await http.GetStringAsync("/console/welfare");
        var posted = await http.PostAsync("/console/welfare/S01/absences",
            Form(("csrf", Token(page)), ("day", "2026-11-23"), ("elder", "3"), ("from", "2026-11-23"), ("to", "2026-11-30"), ("reason", "住院")));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        string answer = await posted.Content.ReadAsStringAsync();
        Assert.Contains("已登记站点 S01 老人 3 的已知原因（2026-11-23 至 2026-11-30）", answer);
        Assert.Matches("<td>张＊兰</td><td>3</td><td>1 天</td><td>住院</td>", answer);
        Assert.Contains("共 <strong>1</strong> 位常来老人未到", answer);
    }

    [Fact]
    public async Task BadInput_IsRefusedInChinese_AndNothingIsStored()
    {
        using var http = await LoggedIn("zhen");
        string token = Token(await http.GetStringAsync("/console/welfare"));
        var noOutcome = await http.PostAsync("/console/welfare/S01/visits", Form(("csrf", token), ("day", "2026-11-23"), ("elder", "2"), ("outcome", " ")));
        var backwards = await http.PostAsync("/console/welfare/S01/absences",
            Form(("csrf", token), ("day", "2026-11-23"), ("elder", "3"), ("from", "2026-11-24"), ("to", "2026-11-23"), ("reason", "请假")));
        var noElder = await http.PostAsync("/console/welfare/S01/absences",
            Form(("csrf", token), ("day", "2026-11-23"), ("elder", "张"), ("from", "2026-11-23"), ("to", "2026-11-23"), ("reason", "请假")));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (noOutcome.StatusCode, backwards.StatusCode, noElder.StatusCode));
        Assert.Contains("探访结果必填", await noOutcome.Content.ReadAsStringAsync());
        Assert.Contains("起止日期无效", await backwards.Content.ReadAsStringAsync());
        Assert.Contains("老人编号必须为正数", await noElder.Content.ReadAsStringAsync());
        Assert.All(gateway.Settlement.Welfare.Absent("2026-11-23").Lines, l => Assert.Equal((null, null), (l.CheckedBy, l.KnownReason)));
        Assert.Contains("日期 &#39;11/23&#39; 无效", await (await http.GetAsync("/console/welfare?day=11/23")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ATownshipOperatorOfAnotherSite_IsRefused_AndNothingIsStored()
    {
        using var http = await LoggedIn("lin");
        string token = Token(await http.GetStringAsync("/console/welfare"));
        var visit = await http.PostAsync("/console/welfare/S01/visits", Form(("csrf", token), ("day", "2026-11-23"), ("elder", "2"), ("outcome", "平安")));
        var reason = await http.PostAsync("/console/welfare/S01/absences",
            Form(("csrf", token), ("day", "2026-11-23"), ("elder", "2"), ("from", "2026-11-23"), ("to", "2026-11-23"), ("reason", "探亲")));
        var read = await http.GetAsync("/console/welfare?site=S01");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (visit.StatusCode, reason.StatusCode, read.StatusCode));
        Assert.Contains("无权操作", await visit.Content.ReadAsStringAsync());
        Assert.DoesNotContain("王＊英", await (await http.GetAsync("/console/welfare")).Content.ReadAsStringAsync());
        Assert.All(gateway.Settlement.Welfare.Absent("2026-11-23").Lines, l => Assert.Equal((null, null), (l.CheckedBy, l.KnownReason)));
    }

    [Fact]
    public async Task BeforeTheCutOff_ThePageSaysTheListIsNotReady()
    {
        rig.Clock.Advance(TimeSpan.FromMinutes(-1)); // 13:59
        using var http = await LoggedIn("zhen");
        string page = await http.GetStringAsync("/console/welfare");

        Assert.Contains("2026-11-23 的常来未到名单尚未生成：截止时间 14:00 之后生成", page);
        Assert.DoesNotContain("absent-S01", page);
    }

    private Task<HttpClient> LoggedIn(string user) => ConsoleForms.LoggedIn(gateway, user, Password);
}
