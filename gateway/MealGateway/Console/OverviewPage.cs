using System.Text;
using MealGateway.Settlement;
using MealGateway.Storage;
using MealGateway.Terminals;
using MealGateway.Web;
using static MealGateway.OperatorConsole.ConsolePage;

namespace MealGateway.OperatorConsole;

/// <summary>
/// 总览: what needs attention first, today's meals per site and meal period, and the terminals'
/// connection, backlog, storage, clock and reader. The live part is re-fetched every few seconds
/// by console.js from /console/live (an HTML fragment), so the page needs no client-side templates.
/// </summary>
public static class OverviewPage
{
    public static void Map(WebApplication app, ConsoleServices services)
    {
        app.MapGet(ConsolePaths.Root, (HttpContext context) =>
            Render(context, "总览", $"<div id=\"live\" data-live=\"/console/live\">{Live(context, services)}</div>"))
            .RequireAuthorization(AccessPolicy.Operator);
        app.MapGet("/console/live", (HttpContext context) =>
            Results.Content(Live(context, services), "text/html; charset=utf-8")).RequireAuthorization(AccessPolicy.Operator);
    }

    private static string Live(HttpContext context, ConsoleServices services)
    {
        var account = OperatorAuthentication.Of(context)!;
        var terminals = TerminalViews.For(services, account);
        string today = services.LocalNow.ToString("yyyy-MM-dd");
        var html = new StringBuilder($"<p class=\"hint\">网关时间 {services.LocalNow:yyyy-MM-dd HH:mm:ss}，每 5 秒自动刷新。</p>");
        html.Append("<h2>需要先处理</h2>").Append(Attention(services, account, terminals));

        var periods = services.Store.Periods;
        var cells = services.Store.TalliesForDay(today).Where(c => account.MayRead(c.Site)).ToList();
        html.Append($"<h2>今日用餐 {today}</h2>").Append(Table("today",
            new[] { "站点" }.Concat(periods.Select(p => H(p.Name))).Append("合计"),
            cells.GroupBy(c => c.Site).Select(site => new[] { H(site.Key) }
                .Concat(periods.Select((_, i) => site.Where(c => c.Period == i).Sum(c => c.Meals).ToString()))
                .Append($"<b>{site.Sum(c => c.Meals)}</b>")), "今天还没有用餐记录"));

        int Count(Liveness l) => terminals.Count(t => t.Liveness == l);
        html.Append("<h2>终端</h2><ul class=\"counts\">")
            .Append($"<li class=\"ok\">在线 <b id=\"online\">{Count(Liveness.Online)}</b></li>")
            .Append($"<li class=\"warn\">静默 <b id=\"silent\">{Count(Liveness.Silent)}</b></li>")
            .Append($"<li class=\"bad\">离线 <b id=\"offline\">{Count(Liveness.Offline)}</b></li>")
            .Append($"<li>未连接过 <b>{Count(Liveness.NeverSeen)}</b></li>")
            .Append($"<li>待上传记录 <b id=\"backlog\">{terminals.Sum(t => t.Status?.RecordsPending ?? 0)}</b></li>")
            .Append($"<li>暂无时间的记录 <b>{services.Store.PendingRecords().Count(r => account.MayRead(r.Site))}</b></li></ul>");
        html.Append(Table("terminal-health", ["终端", "状态", "最后心跳", "待上传", "存储", "时钟", "读卡器"], terminals.Select(t => new[]
        {
            H($"{t.Site}/{t.Terminal}"), LivenessBadge(t.Liveness), services.Local(t.Row?.LastHeartbeatUtc),
            t.Status?.RecordsPending.ToString() ?? "—", t.Status is { } s ? $"{s.StorageUsedPercent}%" : "—",
            t.Status is null ? "—" : t.Status.ClockValid ? "正常" : "<span class=\"bad\">无效</span>",
            t.Status is null ? "—" : t.Status.ReaderHealthy ? "正常" : "<span class=\"bad\">故障</span>",
        }), "还没有终端"));
        return html.ToString();
    }

    /// <summary>The attention list: terminal problems first, then elders who did not come, then decisions waiting for people.</summary>
    private static string Attention(ConsoleServices services, Accounts.OperatorAccount account, IReadOnlyList<TerminalView> terminals)
    {
        var items = new List<string>();
        foreach (var t in terminals)
        {
            items.AddRange(t.Problems().Select(p => $"<a href=\"/console/terminals\">{H(t.Site)}/{H(t.Terminal)}</a>：{H(p)}"));
        }

        items.AddRange(AbsentRegulars(services, account));
        string month = services.LocalNow.ToString("yyyy-MM");
        int held = services.Reviews.Held(month).Count(h => h.Status == HeldMeal.Pending && account.MayRead(h.Site));
        if (held > 0)
        {
            items.Add($"<a href=\"/console/reviews?month={month}\">{held} 餐待审核</a>（同一老人同一餐次重复计餐，暂不支付）");
        }

        int unknown = EnrolmentForms.UnknownCards(services, account).Count(c => c.Enrolment is null);
        if (unknown > 0)
        {
            items.Add($"<a href=\"/console/rosters#enrol\">{unknown} 张未登记卡</a>有刷卡记录，可登记给老人");
        }

        if (account.Role == Accounts.OperatorRole.County)
        {
            if (services.Settlement.Forwarder?.LastError is { Length: > 0 } error)
            {
                items.Add($"<a href=\"/console/settlement\">上报县平台失败</a>：{H(error)}");
            }

            if (services.Settlement.PolicyProblem.Length > 0)
            {
                items.Add($"补贴政策文件有问题：{H(services.Settlement.PolicyProblem)}");
            }
        }

        return items.Count == 0
            ? "<p class=\"ok\" id=\"attention\">一切正常。</p>"
            : "<ol id=\"attention\" class=\"attention\">" + string.Concat(items.Select(i => $"<li>{i}</li>")) + "</ol>";
    }

    /// <summary>
    /// After today's cut-off, one item per readable site with regulars who did not come and whom no
    /// known reason covers and nobody has checked on yet (docs/welfare.md). Today's list is kept in
    /// memory by WelfareDesk, so the refresh draws it up again only after something changed.
    /// </summary>
    private static IEnumerable<string> AbsentRegulars(ConsoleServices services, Accounts.OperatorAccount account)
    {
        var list = services.Welfare.Absent(services.LocalNow.ToString("yyyy-MM-dd"));
        return list.Lines.Where(l => l.KnownReason is null && l.CheckedBy is null && account.MayRead(l.Site))
            .GroupBy(l => l.Site).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"<a href=\"/console/welfare?site={H(Uri.EscapeDataString(g.Key))}\">{H(g.Key)}：{g.Count()} 位常来老人今天未到</a>"
                + $"（无已知原因，尚未探访{(g.Count(l => l.DaysInARow > 1) is > 0 and var days ? $"；其中 {days} 位连续多日未到" : string.Empty)}）");
    }

    public static string LivenessBadge(Liveness liveness) =>
        $"<span class=\"badge {liveness.ToString().ToLowerInvariant()}\">{TerminalLiveness.Label(liveness)}</span>";
}
