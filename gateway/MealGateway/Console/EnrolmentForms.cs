using System.Text;
using MealGateway.Accounts;
using MealGateway.Downloads;
using MealGateway.Storage;
using MealGateway.Tallies;
using MealGateway.Web;
using MealTerminal.Core.Cards;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Sync;
using static MealGateway.OperatorConsole.ConsolePage;

namespace MealGateway.OperatorConsole;

/// <summary>A card refused as unknown at a site (this month or last), with its enrolment if one was made.</summary>
public sealed record UnknownCard(string Site, string CardHex, string? LastDay, int LastPeriod, string Terminal, int Taps, CardEnrolment? Enrolment, string LastTime = "");

/// <summary>
/// Enrolling unknown cards: the unknown-card taps (site, time, card), where a township operator picks
/// the elder; the card joins the site's next roster version (<see cref="CardEnrolments"/>), which an
/// upload or the publish button builds.
/// </summary>
public static class EnrolmentForms
{
    public static void Map(WebApplication app, ConsoleServices services)
    {
        app.MapPost("/console/rosters/{site}/enrol", async (string site, HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            string? problem = services.Enrolments.Request(site, form["card"], form["elder"], OperatorAuthentication.Of(context)!.Id, DateTime.UtcNow);
            return RostersPage.Page(context, services, problem is null
                ? Notice(true, $"卡 {form["card"]} 已登记给老人 {form["elder"]}，将并入站点 {site} 的下一版名册") : Notice(false, problem), problem is null ? 200 : 400);
        }).RequireAuthorization(AccessPolicy.ManageSite);

        app.MapPost("/console/rosters/{site}/withdraw", async (string site, HttpContext context) =>
        {
            string card = (await context.Request.ReadFormAsync())["card"].ToString();
            return services.Enrolments.Withdraw(site, card)
                ? RostersPage.Page(context, services, Notice(true, $"已撤回卡 {card} 的登记，下一版名册不再包含它"))
                : RostersPage.Page(context, services, Notice(false, $"站点 {site} 没有卡 {card} 的登记"), 404);
        }).RequireAuthorization(AccessPolicy.ManageSite);

        app.MapPost("/console/rosters/{site}/publish", async (string site, HttpContext context) =>
        {
            var current = services.Images.Current(site, DownloadCodec.KindRoster);
            if (current is null)
            {
                return RostersPage.Page(context, services, Notice(false, $"站点 {site} 还没有名册"), 400);
            }

            var image = services.Images.ImportRoster(site, RosterImageEntries.Read(current.Image), current.Source, DateTime.UtcNow);
            int offered = await services.Ingest.AnnounceAsync(image);
            return RostersPage.Page(context, services, Notice(true, $"站点 {site} 名册第 {image.Version} 版已发布（{image.Entries} 张卡），已通知 {offered} 台在线终端"));
        }).RequireAuthorization(AccessPolicy.ManageSite);
    }

    /// <summary>Unknown cards seen this month and last at the sites the operator may read, newest first; cards the roster now lists are left out.</summary>
    public static IReadOnlyList<UnknownCard> UnknownCards(ConsoleServices services, OperatorAccount account)
    {
        var now = services.LocalNow;
        var taps = new[] { now.AddMonths(-1), now }.SelectMany(m => services.Store.Anomalies(null, m.ToString("yyyy-MM")))
            .Where(a => a.Kind == AnomalyKind.UnknownCard && account.MayRead(a.Site) && a.CardHex.Length > 0);
        var enrolments = services.Enrolments.Of(null).ToDictionary(e => e.Id);
        var rosters = new Dictionary<string, HashSet<string>>();
        HashSet<string> Listed(string site) => rosters.TryGetValue(site, out var set) ? set : rosters[site] =
            services.Images.Current(site, DownloadCodec.KindRoster) is { } roster
                ? RosterImageEntries.Read(roster.Image).Select(e => CardKey.ToHex(e.CardKey, 0)).ToHashSet() : [];
        return taps.GroupBy(a => (a.Site, a.CardHex)).Select(g =>
        {
            var last = g.OrderBy(a => a.Day, StringComparer.Ordinal).ThenBy(a => a.Sequence).Last();
            enrolments.TryGetValue(CardEnrolment.KeyOf(g.Key.Site, g.Key.CardHex), out var enrolment);
            return new UnknownCard(g.Key.Site, g.Key.CardHex, last.Day, last.Period, last.Terminal, g.Count(), enrolment, TimeOf(services, last));
        }).Where(c => c.Enrolment is not null || !Listed(c.Site).Contains(c.CardHex))
          .OrderByDescending(c => c.LastDay, StringComparer.Ordinal).ThenBy(c => c.Site, StringComparer.Ordinal).ToList();
    }

    /// <summary>The tap's local time of day (HH:mm), or empty while the record has no wall time.</summary>
    private static string TimeOf(ConsoleServices services, AnomalyRecord tap)
    {
        var record = services.Store.Read(db => db.GetCollection<StoredRecord>(MealStore.RecordsName)
            .FindById(StoredRecord.KeyOf(tap.Site, tap.Terminal, tap.Sequence)));
        return record is { ClockValid: true } or { Placed: true }
            ? LocalTime.FromRecordSeconds((uint)record.Time).AddMinutes(services.Store.UtcOffsetMinutes).ToString("HH:mm")
            : string.Empty;
    }

    public static string Section(HttpContext context, ConsoleServices services, OperatorAccount account)
    {
        var periods = services.Store.Periods;
        var html = new StringBuilder("<h2 id=\"enrol\">登记未知卡</h2><p class=\"hint\">终端拒绝的未登记卡。选出持卡老人后，卡将并入该站点的下一版名册（上传新名册或点“发布新版名册”时生效），老人原来的正常卡同时标为挂失。</p>");
        html.Append(Table("unknown-cards", ["站点", "最近刷卡", "终端", "卡号", "次数", "登记"], UnknownCards(services, account).Select(c => new[]
        {
            H(c.Site), $"{H(c.LastDay ?? "时间未知")} {H(c.LastTime)} {H(TallyReport.PeriodName(periods, c.LastPeriod))}", H(c.Terminal), $"<code>{H(c.CardHex)}</code>", c.Taps.ToString(),
            c.Enrolment is { } e ? $"已登记给老人 {e.ElderId}（{H(e.By)}）"
                : account.MayManage(c.Site) ? EnrolForm(context, services, c) : "<small>乡镇账户可登记</small>",
        }), "没有未登记卡的刷卡记录"));
        html.Append(DeskTapForms.Section(context, services, account));

        var enrolled = services.Enrolments.Of(null).Where(e => account.MayRead(e.Site)).ToList();
        html.Append("<h3>已登记的卡</h3>").Append(Table("enrolments", ["站点", "卡号", "老人编号", "登记人", "登记时间", "状态", ""], enrolled.Select(e => new[]
        {
            H(e.Site), $"<code>{H(e.CardHex)}</code>", e.ElderId.ToString(), H(e.By), services.Local(e.RequestedUtc),
            e.AppliedVersion == 0 ? "<span class=\"warn\">待下一版名册</span>" : $"已并入第 {e.AppliedVersion} 版",
            account.MayManage(e.Site) ? Form(context, $"/console/rosters/{e.Site}/withdraw", $"<input type=\"hidden\" name=\"card\" value=\"{H(e.CardHex)}\"><button>撤回</button>", "inline") : string.Empty,
        }), "还没有登记"));
        foreach (string site in enrolled.Where(e => e.AppliedVersion == 0 && account.MayManage(e.Site)).Select(e => e.Site).Distinct())
        {
            html.Append(Form(context, $"/console/rosters/{site}/publish", $"<button id=\"publish-{H(site)}\">发布站点 {H(site)} 新版名册（含新登记的卡）</button>", "row"));
        }

        return html.ToString();
    }

    private static string EnrolForm(HttpContext context, ConsoleServices services, UnknownCard card)
    {
        var roster = services.Images.Current(card.Site, DownloadCodec.KindRoster);
        if (roster is null)
        {
            return "<small>站点还没有名册</small>";
        }

        var elders = RosterImageEntries.Read(roster.Image).GroupBy(e => e.ElderId).OrderBy(g => g.Key)
            .Select(g => $"<option value=\"{g.Key}\">{g.Key}（{H(ElderCategory.ChineseName(g.First().Category))}）</option>");
        return Form(context, $"/console/rosters/{card.Site}/enrol",
            $"<input type=\"hidden\" name=\"card\" value=\"{H(card.CardHex)}\"><select name=\"elder\" id=\"elder-{H(card.CardHex)}\" aria-label=\"持卡老人\"><option value=\"\">选择老人…</option>{string.Concat(elders)}</select>"
            + $"<button id=\"enrol-{H(card.CardHex)}\">登记</button>", "inline");
    }
}
