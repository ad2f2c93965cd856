using System.CommandLine;
using MealGateway.Policy;
using MealGateway.Settlement;
using MealGateway.Storage;

namespace MealGateway.Cli;

/// <summary>`settle`, `statements`, `export` and `outbox`: settlement from the command line, on a stopped gateway's database.</summary>
internal static class SettlementCommands
{
    public static IEnumerable<Command> Build(Option<string> data)
    {
        var month = new Option<string>("--month") { Description = "Month to settle or show, yyyy-MM", Required = true };
        var site = new Option<string?>("--site") { Description = "One site (default: every site with meals)" };
        var policy = new Option<string>("--policy") { Description = "Subsidy policy file (docs/policy.md)", Required = true };
        var gatewayId = new Option<string>("--gateway-id") { Description = "This gateway's id towards the county platform", DefaultValueFactory = _ => new GatewayOptions().GatewayId };
        var revision = new Option<int?>("--revision") { Description = "A given revision (default: the latest)" };

        var settle = new Command("settle", "Settle a month: daily tallies and monthly statements, a new revision where amounts changed") { data, month, site, policy, gatewayId };
        settle.SetAction(parse => Settle(parse.GetValue(data)!, parse.GetValue(month), parse.GetValue(site), parse.GetValue(policy)!, parse.GetValue(gatewayId)!));

        var siteRequired = new Option<string>("--site") { Description = "Site id", Required = true };
        var statements = new Command("statements", "List a site's monthly statement revisions and what each changed") { data, siteRequired, month };
        statements.SetAction(parse => Statements(parse.GetValue(data)!, parse.GetValue(siteRequired)!, parse.GetValue(month)));

        var format = new Option<string>("--format") { Description = "csv or xlsx", DefaultValueFactory = _ => "xlsx" };
        var output = new Option<string?>("--out") { Description = "Output file (default: {site}-{month}-r{revision}[-elders|-held].{format})" };
        var elders = new Option<bool>("--elders") { Description = "CSV: one line per elder instead of per day, period and category" };
        var held = new Option<bool>("--held") { Description = "CSV: one line per meal held for review" };
        var deliveries = new Option<bool>("--deliveries") { Description = "CSV: delivered meals with their delivery fee, and the rounds per courier" };
        var export = new Command("export", "Export a monthly statement as CSV or XLSX with Chinese headers") { data, siteRequired, month, revision, format, output, elders, held, deliveries };
        export.SetAction(parse => Export(parse.GetValue(data)!, parse.GetValue(siteRequired)!, parse.GetValue(month), parse.GetValue(revision),
            parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(elders), parse.GetValue(held), parse.GetValue(deliveries)));

        var outbox = new Command("outbox", "Show what waits to be sent to the county platform, and why") { data };
        outbox.SetAction(parse => Outbox(parse.GetValue(data)!));
        return [settle, statements, export, outbox];
    }

    private static int Settle(string dir, string? month, string? site, string policyPath, string gatewayId)
    {
        if (!OfflineStore.IsMonth(month, out int exit))
        {
            return exit;
        }

        using var store = OfflineStore.Open(dir, "请改用 POST /api/settle?month=" + month, out exit);
        if (store is null)
        {
            return exit;
        }

        if (Settler.NotBegun(month!, TimeProvider.System.GetUtcNow(), store.UtcOffsetMinutes) is { } refusal)
        {
            Console.Error.WriteLine($"错误：{refusal}");
            return 2;
        }

        var running = new RunningPolicy(policyPath, store.Periods);
        if (!running.TryReload(out string problem))
        {
            Console.Error.WriteLine($"错误：补贴政策文件有问题，未结算：{Environment.NewLine}{problem}");
            return 2;
        }

        var settler = new Settler(store, new StatementBuilder(running.Current!, store.Periods), gatewayId, TimeProvider.System);
        var report = settler.Settle(month!, site, new SynchronousProgress<SettleProgress>(p => Console.Error.Write($"\r结算进度 {p.SitesDone}/{p.Sites} 个站点")));
        Console.Error.WriteLine();
        foreach (var s in report.Revisions.Where(r => r.Kind == StatementKind.Monthly))
        {
            Console.WriteLine($"{s.Site} {s.Period} 第 {s.Revision} 版: 用餐 {s.Totals.Meals} 人次, 补贴 {Yuan.Format(s.Totals.SubsidyFen)} 元, 自付 {Yuan.Format(s.Totals.CoPaymentFen)} 元, 变更 {s.Changes.Count} 行");
        }

        Console.WriteLine($"新版本 {report.Revisions.Count} 份（其中每日统计 {report.Revisions.Count(r => r.Kind == StatementKind.Daily)} 份），未变 {report.Unchanged} 份，站点 {report.Sites} 个");
        foreach (var p in report.Problems)
        {
            Console.Error.WriteLine($"未结算：{p}");
        }

        return report.Problems.Count == 0 ? 0 : 1;
    }

    private static int Statements(string dir, string site, string? month)
    {
        if (!OfflineStore.IsMonth(month, out int exit))
        {
            return exit;
        }

        using var store = OfflineStore.Open(dir, $"请改用 GET /api/statements/{site}/{month}/revisions", out exit);
        if (store is null)
        {
            return exit;
        }

        var revisions = new SettlementStore(store).Revisions(StatementKind.Monthly, site, month!);
        if (revisions.Count == 0)
        {
            Console.Error.WriteLine($"站点 {site} {month} 还没有结算单（先运行 settle）");
            return 1;
        }

        Console.WriteLine("版本\t生成时间(UTC)\t用餐人次\t补贴(元)\t自付(元)\t变更");
        foreach (var s in revisions)
        {
            Console.WriteLine($"{s.Revision}\t{s.GeneratedUtc:yyyy-MM-dd HH:mm}\t{s.Totals.Meals}\t{Yuan.Format(s.Totals.SubsidyFen)}\t{Yuan.Format(s.Totals.CoPaymentFen)}\t{s.Changes.Count} 行");
            foreach (var c in s.Changes)
            {
                Console.WriteLine($"\t{c.Day} {c.PeriodName} {c.CategoryName}: {c.MealsBefore} → {c.MealsAfter} 人次, 补贴 {Yuan.Format(c.SubsidyBeforeFen)} → {Yuan.Format(c.SubsidyAfterFen)} 元");
            }
        }

        var latest = revisions[^1];
        Console.WriteLine($"异常 {latest.Anomalies.Count} 条，待定时记录 {latest.PendingRecords} 条");
        return 0;
    }

    private static int Export(string dir, string site, string? month, int? revision, string format, string? output, bool elders, bool held, bool deliveries = false)
    {
        if (!OfflineStore.IsMonth(month, out int exit))
        {
            return exit;
        }

        if (format is not ("csv" or "xlsx"))
        {
            Console.Error.WriteLine($"错误：--format 应为 csv 或 xlsx，收到 '{format}'");
            return 2;
        }

        using var store = OfflineStore.Open(dir, $"请改用 GET /api/statements/{site}/{month}/{format}", out exit);
        if (store is null)
        {
            return exit;
        }

        var statement = new SettlementStore(store).Revision(StatementKind.Monthly, site, month!, revision);
        if (statement is null)
        {
            Console.Error.WriteLine($"错误：站点 {site} {month} 没有{(revision is null ? string.Empty : $"第 {revision} 版")}结算单");
            return 1;
        }

        string path = output ?? StatementExport.FileName(statement, format, elders ? "elders" : held ? "held" : deliveries ? "deliveries" : null);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder))
        {
            Console.Error.WriteLine($"错误：文件夹 '{folder}' 不存在，未导出 (folder does not exist)");
            return 2;
        }

        File.WriteAllBytes(path, format == "csv" ? StatementExport.Csv(statement, elders, held, deliveries) : StatementExport.Xlsx(statement));
        Console.WriteLine($"已导出 {StatementExport.Title(statement)} → {Path.GetFullPath(path)}");
        return 0;
    }

    private static int Outbox(string dir)
    {
        using var store = OfflineStore.Open(dir, "请改用 GET /api/outbox", out int exit);
        if (store is null)
        {
            return exit;
        }

        var statements = new SettlementStore(store);
        var (pending, delivered) = statements.OutboxCounts();
        Console.WriteLine($"待发送 {pending} 条，已送达 {delivered} 条");
        foreach (var e in statements.Pending())
        {
            string why = e.Attempts == 0 ? "尚未发送" : $"已试 {e.Attempts} 次，下次 {e.NextAttemptUtc:yyyy-MM-dd HH:mm:ss} UTC：{e.LastError}";
            Console.WriteLine($"{e.IdempotencyKey}\t{why}");
        }

        return 0;
    }
}

/// <summary>Reports progress on the calling thread (Progress&lt;T&gt; would post it to the thread pool, out of order).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
