using System.Text;
using MealGateway.Accounts;
using MealGateway.Downloads;
using MealGateway.Web;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Sync;
using static MealGateway.OperatorConsole.ConsolePage;

namespace MealGateway.OperatorConsole;

/// <summary>
/// The enrolment desk's taps on the 名册与配置 page (issue #16): an operator at the desk taps a new
/// card and picks its elder from the rosters of the sites the account manages. The enrolment is the
/// same as for an unknown-card tap (<see cref="CardEnrolments"/>): the card joins the site's next
/// roster version. Township operators enrol for their sites; the county sees the taps; site hosts,
/// like GET /api/desk/taps, do not.
/// </summary>
public static class DeskTapForms
{
    public static void Map(WebApplication app, ConsoleServices services)
    {
        app.MapPost("/console/desk/enrol", async (HttpContext context) =>
        {
            var account = OperatorAuthentication.Of(context)!;
            var form = await context.Request.ReadFormAsync();
            string choice = form["elder"].ToString();
            int bar = choice.IndexOf('|');
            string site = bar > 0 ? choice[..bar] : string.Empty;
            if (site.Length == 0)
            {
                return RostersPage.Page(context, services, Notice(false, "请为卡选择站点和老人"), 400);
            }

            if (!account.MayManage(site))
            {
                return Results.Forbid();
            }

            string elder = choice[(bar + 1)..];
            string? problem = services.Enrolments.Request(site, form["card"], elder, account.Id, DateTime.UtcNow);
            return RostersPage.Page(context, services, problem is null
                ? Notice(true, $"发卡台的卡 {form["card"]} 已登记给站点 {site} 老人 {elder}，将并入站点 {site} 的下一版名册") : Notice(false, problem), problem is null ? 200 : 400);
        }).RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireRole(OperatorAccount.RoleName(OperatorRole.Township)));
    }

    /// <summary>The desk's recent taps, or nothing when the gateway runs without a desk reader or the account is a site host.</summary>
    public static string Section(HttpContext context, ConsoleServices services, OperatorAccount account)
    {
        if (services.DeskTaps is not { } desk || account.Role == OperatorRole.SiteHost)
        {
            return string.Empty;
        }

        var enrolled = services.Enrolments.Of(null).Where(e => account.MayRead(e.Site)).ToLookup(e => e.CardHex);
        string choices = ElderChoices(services, account);
        var html = new StringBuilder("<h3 id=\"desk\">发卡台刷卡</h3><p class=\"hint\">在发卡台读卡器上刷新卡，再选出持卡老人；卡与终端上的未知卡一样并入该站点的下一版名册。</p>");
        html.Append(Table("desk-taps", ["刷卡时间", "卡号", "登记"], desk.Recent().DistinctBy(t => t.CardHex).Select(t => new[]
        {
            services.Local(t.AtUtc.UtcDateTime), $"<code>{H(t.CardHex)}</code>",
            t.RandomUid ? "<span class=\"warn\">随机卡号（手机等），不能登记</span>"
                : enrolled[t.CardHex].FirstOrDefault() is { } e ? $"已登记给站点 {H(e.Site)} 老人 {e.ElderId}（{H(e.By)}）"
                : account.Role != OperatorRole.Township ? "<small>乡镇账户可登记</small>"
                : choices.Length == 0 ? "<small>所管站点还没有名册</small>"
                : Form(context, "/console/desk/enrol", $"<input type=\"hidden\" name=\"card\" value=\"{H(t.CardHex)}\">"
                    + $"<select name=\"elder\" id=\"desk-elder-{H(t.CardHex)}\" aria-label=\"持卡老人\"><option value=\"\">选择站点和老人…</option>{choices}</select>"
                    + $"<button id=\"desk-enrol-{H(t.CardHex)}\">登记</button>", "inline"),
        }), "发卡台还没有刷卡"));
        return html.ToString();
    }

    /// <summary>One option group per managed site with a roster; each option's value is "site|elder".</summary>
    private static string ElderChoices(ConsoleServices services, OperatorAccount account)
    {
        var html = new StringBuilder();
        foreach (string site in account.Sites.Where(account.MayManage).Order(StringComparer.Ordinal))
        {
            if (services.Images.Current(site, DownloadCodec.KindRoster) is not { } roster)
            {
                continue;
            }

            html.Append($"<optgroup label=\"站点 {H(site)}\">");
            foreach (var elder in RosterImageEntries.Read(roster.Image).GroupBy(e => e.ElderId).OrderBy(g => g.Key))
            {
                html.Append($"<option value=\"{H(site)}|{elder.Key}\">{H(site)} 老人 {elder.Key}（{H(ElderCategory.ChineseName(elder.First().Category))}）</option>");
            }

            html.Append("</optgroup>");
        }

        return html.ToString();
    }
}
