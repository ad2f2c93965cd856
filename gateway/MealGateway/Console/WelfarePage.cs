using System.Text;
using MealGateway.Accounts;
using MealGateway.Web;
using MealGateway.Welfare;
using static MealGateway.OperatorConsole.ConsolePage;

namespace MealGateway.OperatorConsole;

/// <summary>
/// 常来未到 (issue #17, docs/welfare.md): a day's absent regulars per site the operator may read,
/// with the county-wide count for more than one site; names as GET /api/welfare gives them, days in a
/// row longest first, known reasons and checks. The forms record a check or a known reason through
/// WelfareDesk, the code behind POST /api/welfare/{site}/visits and /absences, under the same
/// AccessPolicy.ReadSite (the site's host, its township operator, the county).
/// </summary>
public static class WelfarePage
{
    private static readonly string[] Outcomes = ["电话联系，平安", "上门探访，平安", "身体不适，已告知家属", "已送医", "未联系上"];
    private static readonly string[] Reasons = ["请假", "住院", "探亲", "外出", "其他"];

    public static void Map(WebApplication app, ConsoleServices services)
    {
        app.MapGet("/console/welfare", (string? day, string? site, HttpContext context) => Page(context, services, day, site, null))
            .RequireAuthorization(AccessPolicy.Operator);

        app.MapPost("/console/welfare/{site}/visits", async (string site, HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            long elder = Elder(form["elder"]);
            string? problem = services.Welfare.RecordVisit(site, form["day"], elder, form["outcome"], OperatorAuthentication.Of(context)!.Id);
            return Page(context, services, form["day"], form["view"],
                problem is null ? Notice(true, $"已记录对站点 {site} 老人 {elder} 的探访") : Notice(false, problem), problem is null ? 200 : 400);
        }).RequireAuthorization(AccessPolicy.ReadSite);

        app.MapPost("/console/welfare/{site}/absences", async (string site, HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            long elder = Elder(form["elder"]);
            string? problem = services.Welfare.EnterAbsence(site, elder, form["from"], form["to"], form["reason"], OperatorAuthentication.Of(context)!.Id);
            return Page(context, services, form["day"], form["view"],
                problem is null ? Notice(true, $"已登记站点 {site} 老人 {elder} 的已知原因（{form["from"]} 至 {form["to"]}）") : Notice(false, problem),
                problem is null ? 200 : 400);
        }).RequireAuthorization(AccessPolicy.ReadSite);
    }

    private static long Elder(string? text) => long.TryParse(text, out long id) ? id : 0;

    private static IResult Page(HttpContext context, ConsoleServices services, string? day, string? view, string? notice, int status = 200)
    {
        var account = OperatorAuthentication.Of(context)!;
        view = string.IsNullOrEmpty(view) ? null : view;
        if (view is not null && !account.MayRead(view))
        {
            return Results.Forbid();
        }

        var html = new StringBuilder(notice ?? string.Empty);
        if (!string.IsNullOrEmpty(day) && !WelfareDesk.IsDay(day))
        {
            html.Append(Notice(false, $"日期 '{day}' 无效，应为 yyyy-MM-dd"));
            status = 400;
            day = null;
        }

        day = string.IsNullOrEmpty(day) ? services.LocalNow.ToString("yyyy-MM-dd") : day;
        var readable = (account.Role == OperatorRole.County ? services.Sites() : account.Sites).Order(StringComparer.Ordinal).ToList();
        var list = services.Welfare.Absent(day);
        var sites = view is not null ? [view]
            : readable.Concat(list.Lines.Select(l => l.Site).Where(account.MayRead)).Distinct().Order(StringComparer.Ordinal).ToList();
        html.Append(Picker(day, view, readable));
        if (!list.Ready)
        {
            html.Append($"<div class=\"notice wait\" role=\"status\"><p>{H(day)} 的常来未到名单尚未生成：截止时间 {H(list.Cutoff)} 之后生成（午餐之后，未在全县任何站点用餐的常来老人才列入）。</p></div>");
            return Render(context, "常来未到", html.ToString(), status);
        }

        var lines = list.Lines.Where(l => sites.Contains(l.Site)).ToList();
        html.Append($"<p id=\"welfare-total\">{H(day)}：{Scope(account, view)}共 <strong>{lines.Count(l => l.KnownReason is null)}</strong> 位常来老人未到，"
            + $"其中连续多日未到 {lines.Count(l => l.KnownReason is null && l.DaysInARow > 1)} 位；另有 {lines.Count(l => l.KnownReason is not null)} 位有已知原因。截止时间 {H(list.Cutoff)}。</p>");
        if (sites.Count > 1)
        {
            html.Append(Table("welfare-sites", ["站点", "未到", "连续多日", "已知原因", "已探访"], sites.Select(s =>
            {
                var of = lines.Where(l => l.Site == s).ToList();
                return new[]
                {
                    $"<a href=\"#site-{H(s)}\">{H(s)}</a>", of.Count(l => l.KnownReason is null).ToString(), of.Count(l => l.KnownReason is null && l.DaysInARow > 1).ToString(),
                    of.Count(l => l.KnownReason is not null).ToString(), of.Count(l => l.CheckedBy is not null).ToString(),
                };
            })));
        }

        foreach (string site in sites)
        {
            html.Append(SiteSection(context, services, site, day, view, lines.Where(l => l.Site == site).ToList()));
        }

        html.Append(DataList("welfare-outcomes", Outcomes)).Append(DataList("welfare-reasons", Reasons));

        return Render(context, "常来未到", html.ToString(), status);
    }

    private static string Scope(OperatorAccount account, string? view) =>
        view is not null ? $"站点 {H(view)} " : account.Role == OperatorRole.County ? "全县" : "本账户各站点";

    private static string SiteSection(HttpContext context, ConsoleServices services, string site, string day, string? view, List<AbsentLine> lines)
    {
        var html = new StringBuilder($"<h2 id=\"site-{H(site)}\">站点 {H(site)}（{lines.Count(l => l.KnownReason is null)} 位未到）</h2>");
        html.Append(Table($"absent-{H(site)}", ["姓名", "老人编号", "连续未到", "已知原因", "探访情况", "记录探访"], lines.Select(l => new[]
        {
            H(string.IsNullOrEmpty(l.Name) ? "—" : l.Name), l.ElderId.ToString(),
            l.DaysInARow > 1 ? $"<strong>{l.DaysInARow} 天</strong>" : $"{l.DaysInARow} 天", H(l.KnownReason ?? "—"),
            l.CheckedBy is null ? "未探访" : $"{H(l.CheckedBy)} · {services.Local(l.CheckedUtc)}<br>{H(l.Outcome)}",
            VisitForm(context, site, day, view, l.ElderId),
        }), "无人未到"));
        string id = H(site);
        html.Append("<h3>登记已知原因（请假、住院、探亲等）</h3>").Append(Form(context, $"/console/welfare/{site}/absences",
            Hidden(day, view)
            + $"<label>老人编号 <input name=\"elder\" id=\"absence-elder-{id}\" inputmode=\"numeric\" size=\"8\" required></label>"
            + $"<label>从 <input name=\"from\" id=\"absence-from-{id}\" value=\"{H(day)}\" pattern=\"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\" size=\"10\" required></label>"
            + $"<label>到 <input name=\"to\" id=\"absence-to-{id}\" value=\"{H(day)}\" pattern=\"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\" size=\"10\" required></label>"
            + $"<label>原因 <input name=\"reason\" id=\"absence-reason-{id}\" list=\"welfare-reasons\" maxlength=\"100\" required></label>"
            + $"<button id=\"absence-{id}\">登记</button>", "row"));
        return html.ToString();
    }

    private static string VisitForm(HttpContext context, string site, string day, string? view, long elder) => Form(context, $"/console/welfare/{site}/visits",
        Hidden(day, view) + $"<input type=\"hidden\" name=\"elder\" value=\"{elder}\">"
        + $"<input name=\"outcome\" id=\"outcome-{H(site)}-{elder}\" list=\"welfare-outcomes\" maxlength=\"200\" required placeholder=\"探访结果\" aria-label=\"探访结果\">"
        + $"<button id=\"visit-{H(site)}-{elder}\">记录</button>", "inline");

    private static string Hidden(string day, string? view) =>
        $"<input type=\"hidden\" name=\"day\" value=\"{H(day)}\"><input type=\"hidden\" name=\"view\" value=\"{H(view)}\">";

    private static string DataList(string id, string[] options) =>
        $"<datalist id=\"{id}\">" + string.Concat(options.Select(o => $"<option value=\"{H(o)}\">")) + "</datalist>";

    private static string Picker(string day, string? view, List<string> readable) =>
        "<form method=\"get\" action=\"/console/welfare\" class=\"row\">"
        + $"<label>日期 <input name=\"day\" id=\"day\" value=\"{H(day)}\" pattern=\"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\" placeholder=\"2026-11-23\" size=\"10\"></label>"
        + "<label>站点 <select name=\"site\" id=\"site\"><option value=\"\">全部</option>"
        + string.Concat(readable.Select(s => $"<option value=\"{H(s)}\"{(s == view ? " selected" : string.Empty)}>{H(s)}</option>"))
        + "</select></label><button>查看</button></form>";
}
