using MealGateway;
using MealGateway.Tallies;
using MealTerminal.Core.Meals;
using MealTerminal.Simulator.Adapters;

namespace MealTerminal.Simulator.Demo;

/// <summary>
/// The system in one process: a gateway with embedded broker and database, and three simulated
/// terminals at two sites replaying the synthetic day. Prints the gateway's tally and checks it
/// against the terminals' own counts.
/// </summary>
public sealed class DemoRunner(string dataDirectory, int mqttPort, int httpPort, bool quiet)
{
    public static readonly (string Site, string Terminal)[] Terminals = { ("S01", "T01"), ("S01", "T02"), ("S02", "T03"), ("S01", "T09") };

    /// <summary>The terminal that goes on delivery rounds (configuration 终端模式 = 送餐).</summary>
    public const string DeliveryTerminal = "T09";

    public GatewayHost? Gateway { get; private set; }

    public List<SimulatedTerminal> SimulatedTerminals { get; } = new();

    /// <summary>
    /// Local service day replayed: yesterday in China Standard Time, so every tap lies in the past
    /// (a replayed dinner later than now would be a terminal clock running ahead, an anomaly).
    /// </summary>
    public DateOnly Day { get; } = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1);

    /// <summary>Starts everything, replays the day, waits for upload. Returns false when the tally disagrees.</summary>
    public async Task<bool> RunAsync(TextWriter output)
    {
        Gateway = await GatewayHost.StartAsync(new GatewayOptions
        {
            DataDirectory = Path.Combine(dataDirectory, "gateway"),
            MqttPort = PortOrFree(mqttPort), HttpPort = PortOrFree(httpPort),
            PolicyPath = Path.Combine(AppContext.BaseDirectory, "policy.example.txt"), GatewayId = "demo",
        });
        CreateOperatorAccount();
        Directory.CreateDirectory(Path.Combine(dataDirectory, "terminals"));
        byte[] roster = SyntheticDay.RosterImage();
        foreach (var (site, id) in Terminals)
        {
            string secret = Gateway.Credentials.Provision(site, id); // what `MealGateway terminal add` does
            var t = new SimulatedTerminal(site, id, Path.Combine(dataDirectory, "terminals", $"{site}-{id}.flash"), "127.0.0.1", Gateway.MqttPort, password: secret,
                voiceFolder: Path.Combine(dataDirectory, "voice"));
            t.Clock.Scripted = true; // the replayed day owns the clock; the gateway's time answers would say today
            t.Boot(roster);
            if (id == DeliveryTerminal)
            {
                t.Core.Config.Extensions = ConfigExtensions.With(null, ConfigExtensions.TagTerminalMode, [ConfigExtensions.TerminalModeDelivery]);
            }

            SimulatedTerminals.Add(t);
        }

        foreach (var tap in SyntheticDay.Taps().OrderBy(t => t.LocalTime))
        {
            var terminal = SimulatedTerminals.Single(t => t.Site == tap.Site && t.TerminalId == tap.Terminal);
            var utc = Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Add(tap.LocalTime).AddHours(-8);
            int shownBefore = terminal.Feedback.Shown;
            var screen = terminal.Tap(utc, tap.Uid);
            if (!quiet)
            {
                string shown = terminal.Feedback.Shown == shownBefore ? "(同一次刷卡，不重复计)" : TextFeedback.OneLine(screen);
                output.WriteLine($"[{tap.Site}/{tap.Terminal} {tap.LocalTime:hh\\:mm\\:ss}] {shown}");
            }
        }

        output.WriteLine($"每次刷卡的语音提示已写成 WAV 文件 (voice prompts as WAV): {Path.Combine(dataDirectory, "voice")}");
        foreach (var t in SimulatedTerminals)
        {
            if (!await t.WaitUntilUploadedAsync(TimeSpan.FromSeconds(30)))
            {
                output.WriteLine($"{t.Site}/{t.TerminalId}: {t.Core.Ledger.PendingCount} records not acknowledged");
                return false;
            }
        }

        string day = Day.ToString("yyyy-MM-dd");
        var rows = TallyReport.Rows(Gateway.Store.TalliesForDay(day), Gateway.Store.Periods);
        output.WriteLine();
        output.Write(TallyReport.Format(day, rows));
        bool agree = CheckAgainstTerminals(rows, output);
        Settle(output);
        ShowAbsent(output, day);
        return agree;
    }

    /// <summary>The demo's county operator account (what `MealGateway account add` does), so the HTTP API can be tried.</summary>
    public const string OperatorName = "demo";

    public string OperatorPassword { get; private set; } = string.Empty;

    /// <summary>A bearer token of the demo account (what `MealGateway account token` prints), for curl.</summary>
    public string OperatorToken { get; private set; } = string.Empty;

    private void CreateOperatorAccount()
    {
        OperatorPassword = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        string? problem = Gateway!.Accounts.Add(OperatorName, MealGateway.Accounts.OperatorRole.County, [], OperatorPassword);
        if (problem is not null)
        {
            throw new InvalidOperationException(problem);
        }

        OperatorToken = Gateway.Accounts.IssueToken(OperatorName, TimeSpan.FromDays(1))!;
    }

    /// <summary>Settles the month so far with the example policy, as `POST /api/settle` does, and says where the statements are.</summary>
    private void Settle(TextWriter output)
    {
        string month = Day.ToString("yyyy-MM");
        var report = Gateway!.Settlement.SettleMonth(month, null, out string problem);
        output.WriteLine();
        if (report is null || report.Problems.Count > 0)
        {
            output.WriteLine($"结算失败: {(report is null ? problem : string.Join("; ", report.Problems))}");
            return;
        }

        output.WriteLine($"本月结算（月未结束，为临时结算单） {month}, 补贴政策 docs/policy.example.txt");
        foreach (var s in report.Revisions.Where(r => r.Kind == MealGateway.Settlement.StatementKind.Monthly))
        {
            output.WriteLine($"{s.Site} 第 {s.Revision} 版: 用餐 {s.Totals.Meals} 人次, 餐费 {MealGateway.Policy.Yuan.Format(s.Totals.PriceFen)} 元, " +
                $"补贴 {MealGateway.Policy.Yuan.Format(s.Totals.SubsidyFen)} 元, 自付 {MealGateway.Policy.Yuan.Format(s.Totals.CoPaymentFen)} 元, 异常 {s.Anomalies.Count} 条, " +
                $"其中送餐 {s.DeliveryTotals.Meals} 份 (送餐费 {MealGateway.Policy.Yuan.Format(s.DeliveryTotals.PriceFen)} 元, {s.Rounds.Count} 轮) " +
                $"→ {Gateway.HttpUrl}/api/statements/{s.Site}/{month}/xlsx");
        }
    }

    /// <summary>The day's welfare check (常来未到) at the gateway and on terminal T01's host review page.</summary>
    private void ShowAbsent(TextWriter output, string day)
    {
        var list = Gateway!.Settlement.Welfare.Absent(day); // the rule of the demo policy (常来 line, default 4 of 7)
        output.WriteLine();
        output.WriteLine($"{day} 常来未到（网关，全县）: {list.Lines.Count} 人; 常来 = 最近 7 个供餐日中至少 4 天用餐，演示只有这一天，所以还没有常来老人 " +
            $"→ {Gateway.HttpUrl}/api/welfare?day={day}");
        var t01 = SimulatedTerminals.Single(t => t.TerminalId == "T01");
        var review = new MealTerminal.Core.Display.Screen();
        var offline = t01.Core.AbsentToday();
        if (offline is not null)
        {
            MealTerminal.Core.Display.HostReview.Absent(review, offline, t01.Core.Config);
            output.WriteLine($"S01/T01 站长查看页（离线）: {TextFeedback.OneLine(review)}");
        }
    }

    private bool CheckAgainstTerminals(IReadOnlyList<TallyRow> rows, TextWriter output)
    {
        bool agree = true;
        foreach (var site in SimulatedTerminals.GroupBy(t => t.Site))
        {
            int terminalsCount = site.Sum(t => Enumerable.Range(0, TerminalConfig.MaxPeriods).Sum(p => t.Core.Today.MealsInPeriod(p)));
            int gatewayCount = rows.Where(r => r.Site == site.Key).Sum(r => r.Meals);
            agree &= terminalsCount == gatewayCount;
            output.WriteLine($"{site.Key}: 终端自计 {terminalsCount} 人次, 网关统计 {gatewayCount} 人次 {(terminalsCount == gatewayCount ? "一致" : "不一致!")}");
        }

        return agree;
    }

    public async Task StopAsync()
    {
        foreach (var t in SimulatedTerminals)
        {
            await t.DisposeAsync();
        }

        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }
    }

    private static int PortOrFree(int port)
    {
        if (port == 0)
        {
            return 0;
        }

        try
        {
            var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            probe.Start();
            probe.Stop();
            return port;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return 0; // taken: let the gateway pick a free one and say which
        }
    }
}
