using System.Buffers;
using System.Net;
using System.Text.RegularExpressions;
using MealGateway.Accounts;
using MealGateway.Tests.Settlement;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Sync;
using MQTTnet;
using MQTTnet.Protocol;
using static MealGateway.Tests.Settlement.MonthRig;
using static MealGateway.Tests.OperatorConsole.ConsoleForms;

namespace MealGateway.Tests.OperatorConsole;

/// <summary>
/// The overview's 需要先处理 names the sites with regulars who did not come today (issue #17): one
/// item per site the account may read, from the cut-off on, counting those without a known reason and
/// not yet checked on; a meal uploaded through the broker, a check or a known reason takes an elder off
/// at the next refresh; and the refresh draws the list up only when something changed.
/// </summary>
public sealed class OverviewAttentionTests : IAsyncLifetime
{
    private const string Password = "console-test-pw-1";
    private readonly MonthRig rig = new();
    private GatewayHost gateway = null!;

    /// <summary>
    /// Sites serve 11-16..23. S01: elder 2 stops after 11-20, elder 3 misses 11-23. S02: elder 11
    /// misses 11-23. S03 (another township): elder 21 misses 11-23.
    /// </summary>
    public async Task InitializeAsync()
    {
        for (int d = 16; d <= 23; d++)
        {
            string day = $"2026-11-{d}";
            rig.Upload("S01", "T01", Meal(1, day, 12));
            rig.Upload("S02", "T05", Meal(12, day, 12));
            rig.Upload("S03", "T08", Meal(22, day, 12));
            if (d <= 20)
            {
                rig.Upload("S01", "T01", Meal(2, day, 12));
            }

            if (d <= 22)
            {
                rig.Upload("S01", "T01", Meal(3, day, 12));
                rig.Upload("S02", "T05", Meal(11, day, 12));
                rig.Upload("S03", "T08", Meal(21, day, 12));
            }
        }

        rig.Store.Dispose();
        rig.Clock.Advance(TimeSpan.FromHours(4)); // 2026-11-23 14:00 at the sites: the default cut-off
        gateway = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = rig.Directory, MqttPort = 0, HttpPort = 0, Time = rig.Clock });
        foreach (var (name, role, sites) in new[] { ("zhen", OperatorRole.Township, new[] { "S01", "S02" }), ("lin", OperatorRole.Township, ["S03"]),
            ("xian", OperatorRole.County, []), ("zhan", OperatorRole.SiteHost, ["S01"]) })
        {
            Assert.Null(gateway.Accounts.Add(name, role, sites, Password));
        }
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        rig.Open();
        rig.Dispose();
    }

    [Fact]
    public async Task AfterTheCutOff_EachSiteOfTheTownshipGetsOneItem_WithItsCount_AndAnotherTownshipsSiteIsNotShown()
    {
        using var http = await LoggedIn("zhen");
        string live = await http.GetStringAsync("/console/live");

        Assert.Contains("<li><a href=\"/console/welfare?site=S01\">S01：2 位常来老人今天未到</a>（无已知原因，尚未探访；其中 1 位连续多日未到）</li>", live);
        Assert.Contains("<li><a href=\"/console/welfare?site=S02\">S02：1 位常来老人今天未到</a>（无已知原因，尚未探访）</li>", live);
        Assert.DoesNotContain("S03：", live);
        Assert.Contains("S01：2 位常来老人今天未到", await http.GetStringAsync("/console")); // the first page, before any refresh
    }

    [Fact]
    public async Task ASiteHostSeesOnlyTheirSite_AnotherTownshipOnlyItsOwn_AndTheCountyEverySite()
    {
        string Items(string live) => string.Join(" ", Regex.Matches(live, @"(S\d\d)：(\d) 位常来老人今天未到").Select(m => $"{m.Groups[1]}={m.Groups[2]}"));

        Assert.Equal("S01=2", Items(await Live("zhan")));
        Assert.Equal("S03=1", Items(await Live("lin")));
        Assert.Equal("S01=2 S02=1 S03=1", Items(await Live("xian")));
    }

    [Fact]
    public async Task BeforeTheCutOff_NoAbsentRegularsAreRaised()
    {
        rig.Clock.Advance(TimeSpan.FromMinutes(-1)); // 13:59

        string live = await Live("xian");

        Assert.DoesNotContain("常来老人今天未到", live);
        Assert.Equal(0, gateway.Settlement.Welfare.ListsDrawn);
    }

    [Fact]
    public async Task AMealUploadedThroughTheBrokerForAnAbsentRegular_TakesThemOffAtTheNextRefresh()
    {
        using var http = await LoggedIn("zhen");
        Assert.Contains("S01：2 位常来老人今天未到", await http.GetStringAsync("/console/live"));

        await UploadOverMqttAsync("S01", "T02", elder: 3, hour: 12); // a lunch the terminal could only send after the cut-off

        string live = await http.GetStringAsync("/console/live");
        Assert.Contains("S01：1 位常来老人今天未到", live);
        Assert.Contains("S02：1 位常来老人今天未到", live);
    }

    [Fact]
    public async Task ACheckOrAKnownReasonRecordedOnTheWelfarePage_TakesTheElderOff()
    {
        using var http = await LoggedIn("zhen");
        Assert.Contains("S01：2 位常来老人今天未到", await http.GetStringAsync("/console/live"));
        string token = Token(await http.GetStringAsync("/console/welfare"));

        var visit = await http.PostAsync("/console/welfare/S01/visits", Form(("csrf", token), ("day", "2026-11-23"), ("elder", "2"), ("outcome", "上门探访，平安")));
        Assert.Equal(HttpStatusCode.OK, visit.StatusCode);
        Assert.Contains("S01：1 位常来老人今天未到</a>（无已知原因，尚未探访）", await http.GetStringAsync("/console/live"));

        var reason = await http.PostAsync("/console/welfare/S01/absences",
            Form(("csrf", token), ("day", "2026-11-23"), ("elder", "3"), ("from", "2026-11-23"), ("to", "2026-11-25"), ("reason", "探亲")));
        Assert.Equal(HttpStatusCode.OK, reason.StatusCode);
        string live = await http.GetStringAsync("/console/live");
        Assert.DoesNotContain("S01：", live);
        Assert.Contains("S02：1 位常来老人今天未到", live);
    }

    [Fact]
    public async Task RefreshingTheOverview_DrawsTheListOnce_UntilSomethingChanges()
    {
        using var township = await LoggedIn("zhen");
        using var county = await LoggedIn("xian");
        for (int i = 0; i < 3; i++)
        {
            Assert.Contains("S01：2 位常来老人今天未到", await township.GetStringAsync("/console/live"));
            Assert.Contains("S03：1 位常来老人今天未到", await county.GetStringAsync("/console/live"));
        }

        Assert.Equal(1, gateway.Settlement.Welfare.ListsDrawn);

        Assert.Null(gateway.Settlement.Welfare.EnterAbsence("S03", 21, "2026-11-23", "2026-11-23", "住院", "lin"));
        for (int i = 0; i < 3; i++)
        {
            Assert.DoesNotContain("S03：", await county.GetStringAsync("/console/live"));
        }

        Assert.Equal(2, gateway.Settlement.Welfare.ListsDrawn);
    }

    private async Task<string> Live(string user)
    {
        using var http = await LoggedIn(user);
        return await http.GetStringAsync("/console/live");
    }

    /// <summary>A terminal's batch of one lunch today, published on its records topic; returns once the gateway's acknowledgement arrives.</summary>
    private async Task UploadOverMqttAsync(string site, string terminal, long elder, int hour)
    {
        string secret = gateway.Credentials.Provision(site, terminal);
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", gateway.MqttPort)
            .WithCredentials($"{site}/{terminal}", secret).WithClientId($"terminal-{site}-{terminal}").Build());
        var acknowledged = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            acknowledged.TrySetResult(e.ApplicationMessage.Payload.ToArray());
            return Task.CompletedTask;
        };
        await client.SubscribeAsync(Topics.For(site, terminal, "ack"), MqttQualityOfServiceLevel.AtLeastOnce);

        var meal = Meal(elder, "2026-11-23", hour);
        var buffer = new byte[RecordBatchCodec.MaxBatchSize(terminal)];
        int at = RecordBatchCodec.WriteRecord(buffer, RecordBatchCodec.HeaderSize(terminal), new MealRecord
        {
            Verdict = VerdictCode.Accepted, Period = meal.Period, Category = 0, ClockValid = true, ElderId = (uint)elder, Time = meal.Time, BootCount = 1,
        });
        RecordBatchCodec.WriteHeader(buffer, terminal, 0, 1, 1);
        int length = RecordBatchCodec.Finish(buffer, at);
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(Topics.For(site, terminal, "records"))
            .WithPayload(buffer[..length]).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        await HangGuard.Of(acknowledged.Task, "the gateway's acknowledgement of the uploaded lunch");
        Assert.Equal(1, gateway.Store.AcknowledgedOf(site, terminal));
    }

    private Task<HttpClient> LoggedIn(string user) => ConsoleForms.LoggedIn(gateway, user, Password);
}
