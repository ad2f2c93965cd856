using System.Text;
using ClosedXML.Excel;
using MealGateway.Accounts;
using MealGateway.Downloads;
using MealGateway.Tests.DeskReader;
using MealGateway.Tests.Settlement;
using MealTerminal.Core.Cards;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Sync;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.OperatorConsole;

/// <summary>
/// Issue #16's acceptance, in a real browser: a township operator uploads a roster with an error,
/// corrects it, enrols an unknown card and a card tapped on the enrolment desk's reader (the emulated
/// MFRC522); the county approves and rejects held meals, settles and downloads the statement as CSV
/// and XLSX, whose numbers match the tallies, and records a check on an absent regular (issue #17).
/// Every step is a click or a form post in chromium.
/// </summary>
public sealed class ConsoleEndToEndTests : IDisposable
{
    private const string Password = "console-test-pw-1";
    private const string DeskCard = "04C1D2E3F4A5B6";
    private readonly MonthRig rig = new();
    private readonly RfField deskField = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task Operators_UploadEnrolReviewAndSettle_InTheBrowser_AndTheStatementMatchesTheTallies()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-10-03", 12), Meal(3, "2026-10-03", 12, category: 1), Meal(3, "2026-10-20", 12, category: 1),
            Meal(0, "2026-10-05", 12, verdict: VerdictCode.UnknownCard) with { CardHex = "04998877" });
        rig.Upload("S02", "T05", Meal(1, "2026-10-03", 11));
        rig.Upload("S02", "T06", Meal(2, "2026-10-04", 12));
        rig.Upload("S02", "T07", Meal(2, "2026-10-04", 12));
        rig.Upload("S01", "T01", Enumerable.Range(16, 5).Select(d => Meal(1, $"2026-11-{d}", 12)).ToArray()); // a regular, absent on 11-21
        rig.Store.Dispose();
        string policy = Path.Combine(rig.Directory, "policy.txt");
        File.WriteAllText(policy, PolicyText);
        await using (var gateway = await GatewayHost.StartAsync(new GatewayOptions
        {
            DataDirectory = rig.Directory, MqttPort = 0, HttpPort = 0, PolicyPath = policy, GatewayId = "GW1", Time = rig.Clock,
            DeskReader = new EmulatedMfrc522(deskField),
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
            Submit(browser, "#enrol-04998877");
            Assert.Contains("已登记给老人 3", browser.Notice());
            Assert.Contains("待下一版名册", browser.Find("#enrolments").Text);
            Submit(browser, "#publish-S01");
            Assert.Contains("名册第 2 版已发布（3 张卡）", browser.Notice());
            Assert.Equal((3u, (byte)1), Enrolled(gateway, "04998877"));

            // A new card tapped on the desk's reader, given to elder 1 of S01 from the same page.
            var tapped = gateway.DeskTaps!.NextAsync();
            deskField.Place(new EmulatedCard(Convert.FromHexString(DeskCard)));
            await HangGuard.Of(tapped, "the desk reader's tap");
            browser.Open("/console/rosters");
            Assert.Contains(DeskCard, browser.Find("#desk-taps").Text);
            browser.Find($"#desk-elder-{DeskCard} option[value='S01|1']").Click();
            Submit(browser, $"#desk-enrol-{DeskCard}");
            Assert.Contains($"发卡台的卡 {DeskCard} 已登记给站点 S01 老人 1", browser.Notice());
            Assert.Contains("已登记给站点 S01 老人 1（zhen）", browser.Find("#desk-taps").Text);
            Submit(browser, "#publish-S01");
            Assert.Contains("名册第 3 版已发布（4 张卡）", browser.Notice());
            Assert.Equal((1u, (byte)0), Enrolled(gateway, DeskCard));

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
            Submit(browser, "#settle");
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

            browser.Find("#xlsx-S01").Click();
            string xlsx = browser.Until(_ => Directory.GetFiles(browser.Downloads, "S01-2026-10-*.xlsx").FirstOrDefault(), "the downloaded workbook");
            using var book = new XLWorkbook(xlsx);
            var sum = book.Worksheet("明细").RowsUsed().Single(r => r.Cell(1).GetString() == "合计");
            Assert.Equal((s01, 45.00m, 24.00m, 21.00m), (sum.Cell(4).GetValue<int>(), sum.Cell(5).GetValue<decimal>(), sum.Cell(6).GetValue<decimal>(), sum.Cell(7).GetValue<decimal>()));
            var summary = book.Worksheet("汇总");
            decimal Fact(string label) => summary.RowsUsed().Single(r => r.Cell(1).GetString() == label).Cell(2).GetValue<decimal>();
            Assert.Equal((s01, 24.00m), ((int)Fact("用餐人次"), Fact("补贴合计(元)")));

            // Issue #17: the county checks on a regular who did not come, from the 常来未到 page.
            browser.Open("/console/welfare?day=2026-11-21");
            Assert.Contains("1 1 天 — 未探访", browser.Find("#absent-S01").Text);
            browser.Find("#outcome-S01-1").SendKeys("上门探访，平安");
            Submit(browser, "#visit-S01-1");
            Assert.Contains("已记录对站点 S01 老人 1 的探访", browser.Notice());
            Assert.Contains("xian · 2026-11-23 10:00\n上门探访，平安", browser.Find("#absent-S01").Text);
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

    /// <summary>Clicks a form's button and waits for the page that answers it.</summary>
    private static void Submit(Browser browser, string button)
    {
        var old = browser.Find("h1");
        browser.Find(button).Click();
        browser.Until(d => IsStale(old) ? d : null, $"the page answering {button}");
    }

    private static (uint Elder, byte Category) Enrolled(GatewayHost gateway, string card)
    {
        var entry = RosterImageEntries.Read(gateway.Ingest.Channels.Downloads.Images.Current("S01", DownloadCodec.KindRoster)!.Image)
            .Single(e => CardKey.ToHex(e.CardKey, 0) == card);
        return (entry.ElderId, entry.Category);
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
