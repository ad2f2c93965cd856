using System.Text;
using MealGateway.Accounts;
using MealGateway.Downloads;
using MealGateway.Tests.Settlement;
using MealTerminal.Core.Cards;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Sync;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.OperatorConsole;

/// <summary>
/// Issue #16's acceptance, in a real browser: a township operator uploads a roster with an error,
/// corrects it and enrols an unknown card; the county approves and rejects held meals, settles and
/// downloads the statement, whose numbers match the tallies.
/// </summary>
public sealed class ConsoleEndToEndTests : IDisposable
{
    private const string Password = "console-test-pw-1";
    private readonly MonthRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task Operators_UploadEnrolReviewAndSettle_InTheBrowser_AndTheStatementMatchesTheTallies()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-10-03", 12), Meal(3, "2026-10-03", 12, category: 1), Meal(3, "2026-10-20", 12, category: 1),
            Meal(0, "2026-10-05", 12, verdict: VerdictCode.UnknownCard) with { CardHex = "04998877" });
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
            Assert.Null(gateway.Accounts.Add("zhen", OperatorRole.Township, ["S01", "S02"], Password));
            Assert.Null(gateway.Accounts.Add("xian", OperatorRole.County, [], Password));
            using var browser = new Browser(gateway.HttpUrl);

            browser.Open("/console/rosters");
            Assert.EndsWith("/console/login", browser.Driver.Url); // every page needs a login
            browser.LogIn("zhen", Password);
            browser.Open("/console/rosters");
            Upload(browser, "S01", "卡号,老人编号,类别\n04A1B2C3D4E5F6,1,普通\n1A2B3C4D,3,低宝\n");
            Assert.Contains("roster.csv 第 3 行: 未知老人类别 '低宝'", browser.Notice());
            Assert.Null(gateway.Ingest.Channels.Downloads.Images.Current("S01", DownloadCodec.KindRoster));
            Upload(browser, "S01", "卡号,老人编号,类别\n04A1B2C3D4E5F6,1,普通\n1A2B3C4D,3,低保\n");
            Assert.Contains("名册第 1 版（2 张卡）已保存", browser.Notice());

            Assert.Contains("2026-10-05 12:00 午餐 T01 04998877 1", browser.Find("#unknown-cards").Text); // site, time, terminal, card, taps
            browser.Find("#elder-04998877 option[value='3']").Click();
            browser.Find("#enrol-04998877").Click();
            Assert.Contains("已登记给老人 3", browser.Notice());
            Assert.Contains("待下一版名册", browser.Find("#enrolments").Text);
            browser.Find("#publish-S01").Click();
            Assert.Contains("名册第 2 版已发布（3 张卡）", browser.Notice());
            var enrolled = RosterImageEntries.Read(gateway.Ingest.Channels.Downloads.Images.Current("S01", DownloadCodec.KindRoster)!.Image)
                .Single(e => CardKey.ToHex(e.CardKey, 0) == "04998877");
            Assert.Equal((3u, (byte)1), (enrolled.ElderId, enrolled.Category));

            browser.Find("nav button.link").Click(); // 退出
            browser.Until(d => d.Url.EndsWith("/console/login", StringComparison.Ordinal) ? d.Url : null, "the login page after logout");
            browser.LogIn("xian", Password);
            browser.Open("/console/reviews?month=2026-10");
            Decide(browser, "S01/T01/0000000001", "approve", "两站就餐已核实");
            Assert.Contains("已批准", browser.Notice());
            Decide(browser, "S02/T07/0000000001", "reject", "同一终端重复刷卡");
            Assert.Contains("已驳回", browser.Notice());
            string held = browser.Find("#held").Text;
            Assert.Contains("xian", held);
            Assert.Contains("两站就餐已核实", held);

            browser.Open("/console/settlement?month=2026-10");
            browser.Find("#settle").Click();
            Assert.Contains("2026-10 已结算", browser.Notice());
            int s01 = TallyMeals(gateway, "S01"), s02 = TallyMeals(gateway, "S02") - 1; // the rejected meal is not paid
            Assert.Equal((3, 2), (s01, s02));
            string[] row = Row(browser, "statements", "S01");
            Assert.Equal(s01.ToString(), row[2]);
            Assert.Equal("24.00", row[4]); // 2.00 (普通, approved) + 10.00 + 12.00 (低保, before and after 10-16)

            browser.Find("#csv-S01").Click();
            string csv = browser.Until(_ => Directory.GetFiles(browser.Downloads, "S01-2026-10-*.csv").FirstOrDefault(), "the downloaded statement");
            string total = File.ReadAllText(csv, Encoding.UTF8).Split('\n').Single(l => l.StartsWith("合计", StringComparison.Ordinal)).Trim();
            Assert.Equal($"合计,,,{s01},45.00,24.00,21.00", total);
            Assert.Equal((s02.ToString(), "4.00"), (Row(browser, "statements", "S02")[2], Row(browser, "statements", "S02")[4]));
        }

        rig.Open();
    }

    private static void Upload(Browser browser, string site, string csv)
    {
        string file = Path.Combine(browser.Downloads, "roster.csv");
        File.WriteAllText(file, csv);
        browser.Find($"#file-{site}").SendKeys(file);
        var old = browser.Find("h1");
        browser.Find($"#upload-{site}").Click();
        browser.Until(d => IsStale(old) ? d : null, "the page answering the upload");
    }

    private static void Decide(Browser browser, string id, string decision, string reason)
    {
        browser.Find($"[id='reason-{id}']").SendKeys(reason);
        var old = browser.Find("h1");
        browser.Find($"[id='{decision}-{id}']").Click();
        browser.Until(d => IsStale(old) ? d : null, "the page answering the decision");
    }

    /// <summary>The cells of the table row whose first cell is the given text.</summary>
    private static string[] Row(Browser browser, string table, string first) => browser.All($"#{table} tbody tr")
        .Select(tr => tr.FindElements(OpenQA.Selenium.By.TagName("td")).Select(td => td.Text).ToArray())
        .Single(cells => cells[0] == first);

    private static bool IsStale(OpenQA.Selenium.IWebElement element)
    {
        try
        {
            _ = element.Enabled;
            return false;
        }
        catch (OpenQA.Selenium.StaleElementReferenceException)
        {
            return true;
        }
    }

    private static int TallyMeals(GatewayHost gateway, string site) =>
        Enumerable.Range(1, 31).Sum(d => gateway.Store.TalliesForDay($"2026-10-{d:D2}").Where(c => c.Site == site).Sum(c => c.Meals));
}
