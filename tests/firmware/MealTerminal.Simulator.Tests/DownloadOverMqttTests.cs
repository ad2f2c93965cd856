using System.Net;
using System.Text;
using MealGateway;
using MealTerminal.Core.Meals;
using MealTerminal.Simulator.Adapters;

namespace MealTerminal.Simulator.Tests;

/// <summary>
/// Time, roster and config from the gateway to a terminal over real MQTT (embedded broker on a free
/// loopback port): a terminal with no clock and no roster asks for the time, is offered the site's
/// roster and configuration, fetches them - surviving a reboot half-way - and then counts meals.
/// </summary>
public sealed class DownloadOverMqttTests : IAsyncLifetime
{
    /// <summary>Only turns a hang into a failure: the terminal runs in real time and waits on messages.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(3);

    private readonly string directory = Directory.CreateTempSubdirectory("download-").FullName;
    private GatewayHost gateway = null!;

    public async Task InitializeAsync()
    {
        // A configuration is checked against the policy: these are the prices the test's configuration shows.
        string policy = Path.Combine(directory, "policy.txt");
        File.WriteAllText(policy, string.Join("\n", new[] { ("早餐", "4", "4", "0"), ("午餐", "12", "9", "3"), ("晚餐", "10", "7", "3") }
            .SelectMany(p => Enumerable.Range(0, ElderCategory.Count).Select(c => $"subsidy 2025-01-01 * {c} {p.Item1} {p.Item3} {p.Item4}")
                .Prepend($"price 2025-01-01 * {p.Item1} {p.Item2}"))));
        gateway = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = Path.Combine(directory, "gateway"), MqttPort = 0, HttpPort = 0, PolicyPath = policy });
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task AFreshTerminal_GetsTimeRosterAndConfigFromTheGateway_AndResumesTheRosterAfterAReboot()
    {
        using var http = MealGateway.Tests.Security.OperatorClients.Township(gateway, "S09");
        var roster = await http.PostAsync($"{gateway.HttpUrl}/api/rosters/S09", new StringContent(RosterCsv(2000), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, roster.StatusCode);
        var config = await http.PostAsync($"{gateway.HttpUrl}/api/configs/S09", new StringContent("""
            # 试点站点: 午餐提前到 10:30
            餐别 = 早餐 06:30-08:30 1
            餐别 = 午餐 10:30-13:30 1
            餐别 = 晚餐 17:00-19:30 1
            价格 = 午餐 * 12.00 9.00
            价格 = 早餐 * 4.00 4.00
            价格 = 晚餐 * 10.00 7.00
            """, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, config.StatusCode);

        string secret = gateway.Credentials.Provision("S09", "T01");
        string flash = Path.Combine(directory, "T01.flash");
        var terminal = new SimulatedTerminal("S09", "T01", flash, "127.0.0.1", gateway.MqttPort, password: secret);
        terminal.Boot();
        Assert.True(await terminal.RunUntilAsync(() => terminal.Core.Downloads.BytesDone >= 5 * 4096, HangLimit), "no roster chunks arrived");
        Assert.True(terminal.Clock.IsWallClockValid);
        Assert.InRange((terminal.Clock.UtcNow - DateTime.UtcNow).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(MealTerminal.Core.Sync.TimeSync.MaxRoundTripMilliseconds / 2 + 500)); // half the slowest round trip accepted
        Assert.Equal(0u, terminal.Core.Rosters.ActiveVersion);
        await terminal.DisposeAsync(); // power cut half-way through the roster

        terminal = new SimulatedTerminal("S09", "T01", flash, "127.0.0.1", gateway.MqttPort, password: secret);
        terminal.Clock.SetUtc(DateTime.UtcNow);
        terminal.Boot();
        Assert.True(await terminal.RunUntilAsync(() => terminal.Core.Rosters.ActiveVersion == 1 && terminal.Core.Config.ConfigVersion == 1, HangLimit),
            "the roster or the config did not arrive");
        Assert.Equal(1, terminal.Core.Downloads.Resumes);
        Assert.True(terminal.Core.Downloads.FetchesSent < 2000 * 24 / 1024, $"{terminal.Core.Downloads.FetchesSent} fetches after the reboot: it started over");
        Assert.Equal(10 * 60 + 30, terminal.Core.Config.Periods[1].StartMinute);

        var lunch = new DateTime(2026, 11, 23, 2, 40, 0, DateTimeKind.Utc); // 10:40 in China: lunch only under the new config
        var screen = terminal.Tap(lunch, Uid(1234));
        Assert.Equal(VerdictCode.Accepted, screen.Verdict);
        Assert.Contains("请付 3.00 元", TextFeedback.OneLine(screen));
        await terminal.DisposeAsync();
    }

    [Fact]
    public async Task ARosterWithAProblem_IsRefusedWithItsLineNumber_AndTheSiteKeepsItsRoster()
    {
        using var http = MealGateway.Tests.Security.OperatorClients.Township(gateway, "S09");
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"{gateway.HttpUrl}/api/rosters/S09", new StringContent(RosterCsv(10)))).StatusCode);
        string bad = RosterCsv(10) + "04AABBCC,77,低宝,正常,,\n";
        var refused = await http.PostAsync($"{gateway.HttpUrl}/api/rosters/S09", new StringContent(bad));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("第 12 行: 未知老人类别 '低宝'", await refused.Content.ReadAsStringAsync());
        var listed = await http.GetStringAsync($"{gateway.HttpUrl}/api/downloads");
        Assert.Contains("\"version\":1", listed);
        Assert.DoesNotContain("\"version\":2", listed);
    }

    private static string RosterCsv(int elders)
    {
        var csv = new StringBuilder("卡号,老人编号,类别,状态,起始日期,截止日期\n");
        for (int i = 0; i < elders; i++)
        {
            csv.Append(Convert.ToHexString(Uid(i))).Append(',').Append(10000 + i).Append(',').Append(ElderCategory.ChineseName(i % ElderCategory.Count)).Append(",正常,2024-01-01,\n");
        }

        return csv.ToString();
    }

    private static byte[] Uid(int elder) => [0x04, 0x21, (byte)(elder >> 8), (byte)elder, 0x52, 0x63, 0x80];
}
