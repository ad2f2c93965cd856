using System.Text;
using MealGateway.Accounts;
using MealGateway.Policy;
using MealGateway.Settlement;
using MealGateway.Web;
using static MealGateway.OperatorConsole.ConsolePage;

namespace MealGateway.OperatorConsole;

/// <summary>
/// 结算: each site's statement for a month with its revisions and what changed, downloads (the
/// /api/statements exports), settle now (SettlementService, as POST /api/settle) and, for the county,
/// the outbox to the county platform with what is pending and why.
/// </summary>
public static class SettlementPage
{
    /// <summary>The outbox is sent in order: the first entries say why it is stuck; a county's month holds hundreds.</summary>
    private const int OutboxRowsShown = 20;

    public static void Map(WebApplication app, ConsoleServices services)
    {
        app.MapGet("/console/settlement", (string? month, HttpContext context) => Page(context, services, month, null)).RequireAuthorization(AccessPolicy.Operator);

        app.MapPost("/console/settlement", async (HttpContext context) =>
        {
            string? month = (await context.Request.ReadFormAsync())["month"];
            if (!Months.Valid(month))
            {
                return Page(context, services, month, Notice(false, $"月份 '{month}' 无效，应为 yyyy-MM"), 400);
            }

            if (services.Settlement.NotBegun(month!) is { } refusal)
            {
                return Page(context, services, month, Notice(false, refusal), 400);
            }

            var report = services.Settlement.SettleMonth(month!, null, out string problem);
            return report is null
                ? Page(context, services, month, Notice(false, problem), 409)
                : Page(context, services, month, Notice(true, $"{month} 已结算：新版结算单 {report.Revisions.Count} 份，未变 {report.Unchanged} 份", report.Problems));
        }).RequireAuthorization(AccessPolicy.County);
    }

    private static IResult Page(HttpContext context, ConsoleServices services, string? month, string? notice, int status = 200)
    {
        var account = OperatorAuthentication.Of(context)!;
        month = Months.Valid(month) ? month! : services.LocalNow.AddMonths(-1).ToString("yyyy-MM");
        var statements = services.Settlement.Statements;
        var html = new StringBuilder(notice ?? string.Empty).Append(Months.Picker("/console/settlement", month));
        if (account.Role == OperatorRole.County)
        {
            html.Append(Form(context, "/console/settlement", $"<input type=\"hidden\" name=\"month\" value=\"{H(month)}\"><button id=\"settle\">立即结算 {H(month)}</button>", "row"));
        }

        var sites = statements.Heads().Select(h => h.Id.Split('|')).Where(p => p[0] == StatementKind.Monthly && p[2] == month && account.MayRead(p[1]))
            .Select(p => p[1]).Order(StringComparer.Ordinal).ToList();
        html.Append($"<h2>{H(month)} 结算单</h2>").Append(Table("statements", ["站点", "版本", "餐次", "餐费", "补贴", "自付", "待审核", "生成时间", "下载"], sites.Select(site =>
        {
            var s = statements.Revision(StatementKind.Monthly, site, month)!;
            string name = $"/api/statements/{site}/{month}";
            return new[]
            {
                H(site), $"第 {s.Revision} 版", s.Totals.Meals.ToString(), Yuan.Format(s.Totals.PriceFen), $"<b>{Yuan.Format(s.Totals.SubsidyFen)}</b>",
                Yuan.Format(s.Totals.CoPaymentFen), s.Held.Count(h => h.Status == HeldMeal.Pending).ToString(), services.Local(s.GeneratedUtc),
                $"<a href=\"{name}/xlsx\" id=\"xlsx-{H(site)}\">Excel</a> · <a href=\"{name}/csv\" id=\"csv-{H(site)}\">CSV</a> · <a href=\"{name}/csv?table=elders\">老人明细 CSV</a>",
            };
        }), "这个月还没有结算单"));

        foreach (string site in sites)
        {
            var revisions = statements.Revisions(StatementKind.Monthly, site, month);
            html.Append($"<details><summary>{H(site)} 的 {revisions.Count} 个版本及变动</summary>").Append(Table($"revisions-{site}", ["版本", "生成时间", "餐次", "补贴", "与上一版相比"], revisions.Select(r => new[]
            {
                $"第 {r.Revision} 版", services.Local(r.GeneratedUtc), r.Totals.Meals.ToString(), Yuan.Format(r.Totals.SubsidyFen),
                r.Supersedes == 0 ? "首版" : string.Join("<br>", r.Changes.Select(c =>
                    $"{H(c.Day)} {H(c.PeriodName)} {H(c.CategoryName)}：{c.MealsBefore} → {c.MealsAfter} 餐，补贴 {Yuan.Format(c.SubsidyBeforeFen)} → {Yuan.Format(c.SubsidyAfterFen)}")),
            }))).Append("</details>");
        }

        if (account.Role == OperatorRole.County)
        {
            html.Append(Outbox(services));
        }

        return Render(context, "结算", html.ToString(), status);
    }

    private static string Outbox(ConsoleServices services)
    {
        var statements = services.Settlement.Statements;
        var (pending, delivered) = statements.OutboxCounts();
        var forwarder = services.Settlement.Forwarder;
        string state = forwarder is null ? "未配置县平台地址（--county-url），结算单留在发件箱"
            : forwarder.LastError.Length > 0 ? $"上次发送失败：{forwarder.LastError}" : "正常发送";
        var html = new StringBuilder($"<h2>上报县平台的发件箱</h2><p id=\"outbox-state\">待发送 <b>{pending}</b> 份，已送达 {delivered} 份。{H(state)}</p>");
        if (services.Settlement.PolicyProblem.Length > 0)
        {
            html.Append(Notice(false, "补贴政策：" + services.Settlement.PolicyProblem));
        }

        return html.Append(Table("outbox", ["结算单", "类型", "版本", "尝试次数", "下次尝试", "原因"], statements.Pending().Take(OutboxRowsShown).Select(e => new[]
        {
            $"{H(e.Site)} {H(e.Period)}", e.Kind == StatementKind.Monthly ? "月结" : "日结", $"第 {e.Revision} 版", e.Attempts.ToString(),
            services.Local(e.NextAttemptUtc), H(e.LastError is { Length: > 0 } why ? why : forwarder is null ? "未配置县平台" : "等待发送"),
        }), "没有待发送的结算单")).Append(pending > OutboxRowsShown ? $"<p class=\"hint\">另有 {pending - OutboxRowsShown} 份按顺序等待。</p>" : string.Empty).ToString();
    }
}
