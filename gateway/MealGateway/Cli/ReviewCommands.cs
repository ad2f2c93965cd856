using System.CommandLine;
using MealGateway.Settlement;

namespace MealGateway.Cli;

/// <summary>`reviews` and `review`: held meals and the operator's decisions, on a stopped gateway's database.</summary>
internal static class ReviewCommands
{
    public static IEnumerable<Command> Build(Option<string> data)
    {
        var month = new Option<string>("--month") { Description = "Month, yyyy-MM", Required = true };
        var site = new Option<string?>("--site") { Description = "One site (default: every site)" };
        var list = new Command("reviews", "List meals held for review (beyond an elder's limit in one period) and their decisions") { data, month, site };
        list.SetAction(parse => List(parse.GetValue(data)!, parse.GetValue(month), parse.GetValue(site)));

        var id = new Option<string>("--id") { Description = "The held meal, {site}/{terminal}/{sequence} as `reviews` lists it", Required = true };
        var decision = new Option<string>("--decision") { Description = "approve (paid as an extra meal) or reject (not paid)", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (kept with the decision)", Required = true };
        var by = new Option<string>("--by") { Description = "Who decides", Required = true };
        var decide = new Command("review", "Decide a held meal once; the next revision of its statements carries the decision") { data, id, decision, reason, by };
        decide.SetAction(parse => Decide(parse.GetValue(data)!, parse.GetValue(id)!, parse.GetValue(decision), parse.GetValue(reason), parse.GetValue(by)));
        return [list, decide];
    }

    private static int List(string dir, string? month, string? site)
    {
        if (!OfflineStore.IsMonth(month, out int exit))
        {
            return exit;
        }

        using var store = OfflineStore.Open(dir, $"请改用 GET /api/reviews?month={month}", out exit);
        if (store is null)
        {
            return exit;
        }

        var held = new ReviewDesk(store, TimeProvider.System).Held(month!, site);
        Console.WriteLine("编号\t老人编号\t日期\t餐别\t状态\t先付餐次\t审核人\t理由");
        var periods = store.Periods; // a database read
        foreach (var h in held)
        {
            string period = h.Period < periods.Length ? periods[h.Period].Name : "未知时段";
            Console.WriteLine($"{h.Id}\t{h.ElderId}\t{h.Day}\t{period}\t{HeldMeal.Label(h.Status)}\t{h.PaidFirst}\t{h.DecidedBy}\t{h.Reason}");
        }

        Console.WriteLine($"待审核 {held.Count(h => h.Status == HeldMeal.Pending)} 条，共 {held.Count} 条");
        return 0;
    }

    private static int Decide(string dir, string id, string? decision, string? reason, string? by)
    {
        using var store = OfflineStore.Open(dir, $"请改用 POST /api/reviews/{id}", out int exit);
        if (store is null)
        {
            return exit;
        }

        var result = new ReviewDesk(store, TimeProvider.System).Decide(id, decision, reason, by);
        if (result.Outcome == ReviewOutcome.Decided)
        {
            Console.WriteLine(result.Message);
            return 0;
        }

        Console.Error.WriteLine($"错误：{result.Message}");
        return result.Outcome == ReviewOutcome.BadInput ? 2 : 1;
    }
}
