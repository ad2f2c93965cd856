using System.CommandLine;
using MealGateway.Welfare;

namespace MealGateway.Cli;

/// <summary>`welfare`, `absence` and `visit`: the welfare check (常来未到) on a stopped gateway's database (docs/welfare.md).</summary>
internal static class WelfareCommands
{
    public static IEnumerable<Command> Build(Option<string> data)
    {
        var day = new Option<string>("--day") { Description = "Local day, yyyy-MM-dd", Required = true };
        var site = new Option<string?>("--site") { Description = "One site (default: county-wide)" };
        var policy = new Option<string?>("--policy") { Description = "Subsidy policy file whose 常来 line sets the rule (default 4 of 7, 14:00)" };
        var list = new Command("welfare", "The day's absent regulars (常来未到), longest absences first, with known reasons and checks") { data, day, site, policy };
        list.SetAction(parse => List(parse.GetValue(data)!, parse.GetValue(day)!, parse.GetValue(site), parse.GetValue(policy)));

        var siteRequired = new Option<string>("--site") { Description = "The site", Required = true };
        var elder = new Option<long>("--elder") { Description = "Elder id", Required = true };
        var from = new Option<string>("--from") { Description = "First day, yyyy-MM-dd", Required = true };
        var to = new Option<string>("--to") { Description = "Last day, yyyy-MM-dd", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (请假, 住院, 子女接走 ...)", Required = true };
        var by = new Option<string>("--by") { Description = "Who enters it", Required = true };
        var absence = new Command("absence", "Enter a known reason an elder does not come (leave, hospital, visiting family)") { data, siteRequired, elder, from, to, reason, by };
        absence.SetAction(parse => Run(parse.GetValue(data)!, desk => desk.EnterAbsence(parse.GetValue(siteRequired)!, parse.GetValue(elder),
            parse.GetValue(from), parse.GetValue(to), parse.GetValue(reason), parse.GetValue(by)!), "已登记"));

        var outcome = new Option<string>("--outcome") { Description = "What the check found", Required = true };
        var visit = new Command("visit", "Record that someone checked on an absent elder") { data, siteRequired, day, elder, outcome, by };
        visit.SetAction(parse => Run(parse.GetValue(data)!, desk => desk.RecordVisit(parse.GetValue(siteRequired)!, parse.GetValue(day),
            parse.GetValue(elder), parse.GetValue(outcome), parse.GetValue(by)!), "已记录探访"));
        return [list, absence, visit];
    }

    private static int List(string dir, string day, string? site, string? policyPath)
    {
        if (!WelfareDesk.IsDay(day))
        {
            Console.Error.WriteLine($"错误：--day 应为 yyyy-MM-dd，收到 '{day}'");
            return 2;
        }

        using var store = OfflineStore.Open(dir, $"请改用 GET /api/welfare?day={day}", out int exit);
        if (store is null)
        {
            return exit;
        }

        Policy.SubsidyPolicy? policy = null;
        if (policyPath is not null)
        {
            var running = new Policy.RunningPolicy(policyPath, store.Periods);
            if (!running.TryReload(out string problem))
            {
                Console.Error.WriteLine($"错误：{problem}");
                return 2;
            }

            policy = running.Current;
        }

        var list = new WelfareDesk(store, TimeProvider.System, d => policy?.WelfareOn(d) ?? new WelfareSetting()).Absent(day, site);
        if (!list.Ready)
        {
            Console.WriteLine($"{day} {list.Cutoff} 后统计常来未到");
            return 0;
        }

        Console.WriteLine("站点\t老人编号\t姓名\t连续未到(天)\t已知原因\t探访人\t探访结果");
        foreach (var a in list.Lines)
        {
            Console.WriteLine($"{a.Site}\t{a.ElderId}\t{a.Name}\t{a.DaysInARow}\t{a.KnownReason}\t{a.CheckedBy}\t{a.Outcome}");
        }

        Console.WriteLine($"{day} 常来未到 {list.Lines.Count(a => a.KnownReason is null)} 人（另有已知原因 {list.Lines.Count(a => a.KnownReason is not null)} 人）");
        return 0;
    }

    private static int Run(string dir, Func<WelfareDesk, string?> action, string done)
    {
        using var store = OfflineStore.Open(dir, "请改用 POST /api/welfare/{site}/...", out int exit);
        if (store is null)
        {
            return exit;
        }

        if (action(new WelfareDesk(store, TimeProvider.System)) is { } problem)
        {
            Console.Error.WriteLine($"错误：{problem}");
            return 2;
        }

        Console.WriteLine(done);
        return 0;
    }
}
