using System.Text;
using MealGateway.Accounts;
using MealGateway.Settlement;
using MealGateway.Tallies;
using MealGateway.Web;
using static MealGateway.OperatorConsole.ConsolePage;

namespace MealGateway.OperatorConsole;

/// <summary>
/// 待审核: meals held for review (same elder twice in a meal period, at two sites or two terminals)
/// with approve / reject and a reason for the county (ReviewDesk, as POST /api/reviews); decided
/// meals show who and when; then the month's other anomalies.
/// </summary>
public static class ReviewsPage
{
    public static void Map(WebApplication app, ConsoleServices services)
    {
        app.MapGet("/console/reviews", (string? month, HttpContext context) => Page(context, services, month, null)).RequireAuthorization(AccessPolicy.Operator);

        app.MapPost("/console/reviews", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            string id = form["id"].ToString();
            var result = services.Reviews.Decide(id, form["decision"], form["reason"], OperatorAuthentication.Of(context)!.Id);
            int status = result.Outcome switch
            {
                ReviewOutcome.Decided => 200,
                ReviewOutcome.UnknownId => 404,
                ReviewOutcome.AlreadyDecided => 409,
                _ => 400,
            };
            return Page(context, services, form["month"], Notice(status == 200, result.Message), status);
        }).RequireAuthorization(AccessPolicy.County);
    }

    private static IResult Page(HttpContext context, ConsoleServices services, string? month, string? notice, int status = 200)
    {
        var account = OperatorAuthentication.Of(context)!;
        month = Months.Valid(month) ? month! : services.LocalNow.ToString("yyyy-MM");
        var periods = services.Store.Periods;
        var html = new StringBuilder(notice ?? string.Empty).Append(Months.Picker("/console/reviews", month));
        var held = services.Reviews.Held(month).Where(h => account.MayRead(h.Site)).ToList();
        html.Append($"<h2>重复计餐待审核（{held.Count(h => h.Status == HeldMeal.Pending)} 餐待定）</h2>");
        html.Append(Table("held", ["编号", "日期", "餐别", "老人", "先已计餐", "状态", "审核"], held.Select(h => new[]
        {
            $"<code>{H(h.Id)}</code>", H(h.Day), H(TallyReport.PeriodName(periods, h.Period)), h.ElderId.ToString(), H(h.PaidFirst),
            H(HeldMeal.Label(h.Status)),
            h.Status != HeldMeal.Pending ? $"{H(h.DecidedBy)} · {services.Local(h.DecidedUtc)}<br>理由：{H(h.Reason)}"
                : account.Role == OperatorRole.County ? DecideForm(context, h, month) : "<small>县级账户审核</small>",
        }), "本月没有待审核的餐次"));

        var anomalies = SettlementInputs.Anomalies(services.Store, month, null).Where(a => account.MayRead(a.Site)).ToList();
        html.Append($"<h2>其他异常（{anomalies.Count}）</h2>").Append(Table("anomalies", ["站点", "类型", "日期", "餐别", "终端/序号", "老人", "卡号", "说明"], anomalies.Select(a => new[]
        {
            H(a.Site), H(a.Line.Label), H(a.Line.Day ?? "未知"), H(TallyReport.PeriodName(periods, a.Line.Period)),
            a.Line.Terminal.Length == 0 ? "—" : $"{H(a.Line.Terminal)}/{a.Line.Sequence}", a.Line.ElderId == 0 ? "—" : a.Line.ElderId.ToString(),
            H(a.Line.CardHex), H(a.Line.Detail),
        }), "本月没有异常"));
        return Render(context, "待审核", html.ToString(), status);
    }

    private static string DecideForm(HttpContext context, HeldMeal h, string month) => Form(context, "/console/reviews",
        $"<input type=\"hidden\" name=\"id\" value=\"{H(h.Id)}\"><input type=\"hidden\" name=\"month\" value=\"{H(month)}\">"
        + $"<input name=\"reason\" required placeholder=\"理由\" aria-label=\"理由\" id=\"reason-{H(h.Id)}\">"
        + $"<button name=\"decision\" value=\"approve\" id=\"approve-{H(h.Id)}\">批准</button>"
        + $"<button name=\"decision\" value=\"reject\" class=\"danger\" id=\"reject-{H(h.Id)}\">驳回</button>", "inline");
}

/// <summary>The month (yyyy-MM) parameter pages share.</summary>
public static class Months
{
    public static bool Valid(string? month) => month is { Length: 7 } && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out _);

    public static string Picker(string action, string month, string extra = "") =>
        $"<form method=\"get\" action=\"{action}\" class=\"row\"><label>月份 <input name=\"month\" id=\"month\" value=\"{ConsolePage.H(month)}\" pattern=\"[0-9]{{4}}-[0-9]{{2}}\" placeholder=\"2026-10\" size=\"8\"></label>{extra}<button>查看</button></form>";
}
