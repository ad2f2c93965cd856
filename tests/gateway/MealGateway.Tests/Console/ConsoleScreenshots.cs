using MealGateway.Accounts;
using MealGateway.Terminals;
using MealGateway.Tests.DeskReader;
using MealGateway.Tests.Settlement;
using MealTerminal.Core.Meals;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.OperatorConsole;

/// <summary>
/// Every console page in chromium at 1366x768 over a demo network (two sites, five terminals: one
/// silent, one offline; held meals, an unknown card, a card on the enrolment desk's reader, a settled
/// month with a late revision, regulars absent today with a check and a known reason). Runs with
/// the suite into a temporary folder; with CONSOLE_SCREENSHOTS=docs/console it regenerates the
/// pictures in docs/console (docs/console/README.md).
/// </summary>
public sealed class ConsoleScreenshots : IDisposable
{
    private const string Password = "console-demo-pw-1";
    private static readonly (string File, string Path, string User)[] Pages =
    [
        ("overview.png", "/console", "xian"), ("terminals.png", "/console/terminals", "zhen"), ("rosters.png", "/console/rosters", "zhen"),
        ("rosters-desk.png", "/console/rosters#desk", "zhen"),
        ("reviews.png", "/console/reviews?month=2026-11", "xian"), ("settlement.png", "/console/settlement?month=2026-10", "xian"),
        ("welfare.png", "/console/welfare", "zhen"), ("accounts.png", "/console/accounts", "xian"),
    ];

    private readonly MonthRig rig = new();
    private readonly RfField deskField = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task EveryPage_RendersInChromium_At1366x768_WithoutAnError()
    {
        string? wanted = Environment.GetEnvironmentVariable("CONSOLE_SCREENSHOTS");
        Assert.True(wanted is not { Length: > 0 } || Path.IsPathRooted(wanted), "CONSOLE_SCREENSHOTS must be an absolute path (the test runs in its bin folder)");
        string folder = wanted is { Length: > 0 } ? wanted : Directory.CreateTempSubdirectory("console-shots-").FullName;
        Directory.CreateDirectory(folder);
        rig.Clock.Advance(TimeSpan.FromHours(4)); // 14:00 in the sites' time: breakfast and lunch are done
        Seed();
        rig.Store.Dispose();
        string policy = Path.Combine(rig.Directory, "policy.txt");
        File.WriteAllText(policy, PolicyText);
        var status = new ManualClock(rig.Clock.GetUtcNow() - TimeSpan.FromMinutes(18)); // the newest heartbeats arrive at the gateway's "now"
        await using (var gateway = await GatewayHost.StartAsync(new GatewayOptions
        {
            DataDirectory = rig.Directory, MqttPort = 0, HttpPort = 0, PolicyPath = policy, GatewayId = "GW1", Time = rig.Clock, StatusClock = status,
            DeskReader = new EmulatedMfrc522(deskField),
        }))
        {
            Network(gateway, status, rig.Clock.GetUtcNow().UtcDateTime);
            var tapped = gateway.DeskTaps!.NextAsync();
            deskField.Place(new EmulatedCard(Convert.FromHexString("04C1D2E3F4A5B6"))); // a new card on the desk, waiting for its elder
            await HangGuard.Of(tapped, "the desk reader's tap");
            var welfare = gateway.Settlement.Welfare;
            Assert.Null(welfare.RecordVisit("S01", "2026-11-23", 1005, "电话联系，感冒在家休息", "zhan-s01"));
            Assert.Null(welfare.EnterAbsence("S02", 2003, "2026-11-23", "2026-11-26", "探亲", "zhen"));
            Assert.Equal(MealGateway.Settlement.ReviewOutcome.Decided,
                new MealGateway.Settlement.ReviewDesk(gateway.Store, rig.Clock).Decide("S01/T02/0000000001", "reject", "同一终端两次刷卡，核实为误刷", "xian").Outcome);
            using var browser = new Browser(gateway.HttpUrl);
            browser.Open("/console/login");
            Shoot(browser, folder, "login.png");
            foreach (var user in Pages.Select(p => p.User).Distinct())
            {
                browser.LogIn(user, Password);
                foreach (var page in Pages.Where(p => p.User == user))
                {
                    browser.Open(page.Path);
                    Assert.DoesNotContain("无权操作", browser.Find("h1").Text);
                    Shoot(browser, folder, page.File);
                }

                browser.Find("nav button.link").Click();
                browser.Until(d => d.Url.EndsWith("/console/login", StringComparison.Ordinal) ? d.Url : null, "the login page after logout");
            }
        }

        rig.Open();
        if (wanted is not { Length: > 0 })
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Shoot(Browser browser, string folder, string file)
    {
        string path = Path.Combine(folder, file);
        browser.Screenshot(path);
        var png = File.ReadAllBytes(path);
        int Big(int at) => (png[at] << 24) | (png[at + 1] << 16) | (png[at + 2] << 8) | png[at + 3];
        Assert.Equal((1366, 768), (Big(16), Big(20))); // the IHDR chunk's width and height
    }

    /// <summary>
    /// October (settled, then a late record), the week before today (1004 stops coming after 11-20, 1005
    /// and 2003 miss today) and today's meals, with two held meals and an unknown card.
    /// </summary>
    private void Seed()
    {
        for (int d = 16; d <= 22; d++)
        {
            string day = $"2026-11-{d}";
            rig.Upload("S01", "T01", new long[] { 1001, 1002, 1004, 1005 }.Where(e => e != 1004 || d <= 20).Select(e => Meal(e, day, 12)).ToArray());
            rig.Upload("S02", "T05", Meal(2001, day, 12), Meal(2003, day, 12));
        }

        var october = Enumerable.Range(1, 20).SelectMany(d => new[] { Meal(1001, $"2026-10-{d:D2}", 12, 1), Meal(1002, $"2026-10-{d:D2}", 12) }).ToArray();
        rig.Upload("S01", "T01", october);
        rig.Upload("S02", "T05", Enumerable.Range(1, 20).Select(d => Meal(2001, $"2026-10-{d:D2}", 12)).ToArray());
        rig.Upload("S01", "T01", Meal(1001, "2026-11-23", 7, 1), Meal(1002, "2026-11-23", 7), Meal(1001, "2026-11-23", 12, 1),
            Meal(1002, "2026-11-23", 12), Meal(1003, "2026-11-23", 12, 1), Meal(0, "2026-11-23", 12, verdict: VerdictCode.UnknownCard) with { CardHex = "04998877" });
        rig.Upload("S01", "T02", Meal(1003, "2026-11-23", 12, 1));
        rig.Upload("S02", "T05", Meal(1001, "2026-11-23", 11, 1), Meal(2001, "2026-11-23", 12), Meal(2002, "2026-11-23", 12));
        var statements = rig.Settler.Settle("2026-10", null);
        Assert.Empty(statements.Problems);
        rig.Upload("S02", "T05", Meal(2002, "2026-10-21", 12)); // arrives late: revision 2 says what changed
    }

    /// <summary>Accounts, terminal logins, rosters, and heartbeats: T02 silent for 18 minutes with 23 records waiting, T06 offline.</summary>
    private static void Network(GatewayHost gateway, ManualClock status, DateTime nowUtc)
    {
        Assert.Null(gateway.Accounts.Add("xian", OperatorRole.County, [], Password));
        Assert.Null(gateway.Accounts.Add("zhen", OperatorRole.Township, ["S01", "S02"], Password));
        Assert.Null(gateway.Accounts.Add("zhan-s01", OperatorRole.SiteHost, ["S01"], Password));
        foreach (var (site, terminal) in new[] { ("S01", "T01"), ("S01", "T02"), ("S02", "T05"), ("S02", "T06"), ("S02", "T07") })
        {
            gateway.Credentials.Provision(site, terminal);
        }

        var images = gateway.Ingest.Channels.Downloads.Images;
        foreach (var (site, csv) in new[]
        {
            ("S01", "卡号,老人编号,类别,姓名\n04A1B2C3D4E5F6,1001,低保,李建国\n04A1B2C3D4E5F7,1002,普通,陈淑珍\n1A2B3C4D,1003,低保,赵德明\n"
                + "1A2B3C4E,1004,普通,王秀英\n1A2B3C4F,1005,低保,张桂兰\n"),
            ("S02", "卡号,老人编号,类别,姓名\n2A2B3C4D,2001,普通,刘志强\n2A2B3C4E,2002,普通,周玉梅\n2A2B3C4F,2003,普通,孙凤英\n"),
        })
        {
            Assert.NotNull(MealGateway.Downloads.SiteFiles.Import(images, "roster", site, csv, "roster.csv", nowUtc, null, out _));
        }

        var heartbeat = new StatusReport(true, true, true, "1.4.0", 1, 0, 0, 12, 86_400, 7, -61, 0, 0, 0);
        var board = gateway.Ingest.Channels.Statuses;
        board.Record("S01", "T02", heartbeat with { RecordsPending = 23, StorageUsedPercent = 31, SignalDbm = -83 });
        board.Record("S02", "T06", heartbeat with { BootCount = 12 });
        board.Record("S02", "T06", StatusReport.Offline);
        status.Advance(TimeSpan.FromMinutes(18));
        board.Record("S01", "T01", heartbeat);
        board.Record("S02", "T05", heartbeat with { Firmware = "1.3.2", SignalDbm = -70 });
        board.Record("S02", "T07", heartbeat with { StorageUsedPercent = 86, ClockValid = false });
    }
}
