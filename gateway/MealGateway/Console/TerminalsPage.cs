using System.Text;
using MealGateway.Web;
using static MealGateway.OperatorConsole.ConsolePage;

namespace MealGateway.OperatorConsole;

/// <summary>
/// 终端: every terminal with its last heartbeat, versions, boots and signal; a township operator adds
/// terminals, rotates their secrets and revokes them (TerminalApi's own provisioning, ManageSite).
/// A new secret is shown once, on the page that answers the form.
/// </summary>
public static class TerminalsPage
{
    public static void Map(WebApplication app, ConsoleServices services)
    {
        app.MapGet("/console/terminals", (HttpContext context) => Page(context, services, null)).RequireAuthorization(AccessPolicy.Operator);

        app.MapPost("/console/terminals/{site}", async (string site, HttpContext context) =>
        {
            string terminal = (await context.Request.ReadFormAsync())["terminal"].ToString().Trim();
            if (IdRule.Problem(terminal, "终端编号") is { } bad)
            {
                return Page(context, services, Notice(false, bad), 400);
            }

            var (secret, problem) = TerminalApi.Provision(services.Credentials, site, terminal, rotate: false);
            return Page(context, services, Secret(site, terminal, secret, problem, "已添加"), secret is null ? 409 : 200);
        }).RequireAuthorization(AccessPolicy.ManageSite);

        app.MapPost("/console/terminals/{site}/{terminal}/rotate", (string site, string terminal, HttpContext context) =>
        {
            var (secret, problem) = TerminalApi.Provision(services.Credentials, site, terminal, rotate: true);
            return Page(context, services, Secret(site, terminal, secret, problem, "已换新密钥，旧密钥随即失效"), secret is null ? 409 : 200);
        }).RequireAuthorization(AccessPolicy.ManageSite);

        app.MapPost("/console/terminals/{site}/{terminal}/revoke", async (string site, string terminal, HttpContext context) =>
            await TerminalApi.Revoke(services.Credentials, services.Broker, site, terminal)
                ? Page(context, services, Notice(true, $"终端 {site}/{terminal} 的密钥已吊销，连接已断开"))
                : Page(context, services, Notice(false, $"没有终端 {site}/{terminal}"), 404)).RequireAuthorization(AccessPolicy.ManageSite);
    }

    private static string Secret(string site, string terminal, string? secret, string? problem, string done) => secret is null
        ? Notice(false, problem ?? "未能发放密钥")
        : Notice(true, $"终端 {site}/{terminal} {done}。密钥只显示这一次，请写入终端：")
            + $"<p class=\"secret\">登录名 <code>{H(site)}/{H(terminal)}</code> 密钥 <code id=\"secret\">{H(secret)}</code></p>";

    private static IResult Page(HttpContext context, ConsoleServices services, string? notice, int status = 200)
    {
        var account = OperatorAuthentication.Of(context)!;
        var terminals = TerminalViews.For(services, account);
        var html = new StringBuilder(notice ?? string.Empty);
        html.Append(Table("terminals", ["终端", "状态", "最后心跳", "固件", "名册/配置版本", "启动次数", "信号", "已存记录", "密钥", "操作"], terminals.Select(t =>
        {
            var s = t.Status;
            string login = t.Login is null ? "未在本网关发放" : t.Login.RevokedUtc is { } revoked ? $"已吊销 {services.Local(revoked)}" : $"发放于 {services.Local(t.Login.ProvisionedUtc)}";
            string actions = !account.MayManage(t.Site) || t.Login is null ? string.Empty
                : Form(context, $"/console/terminals/{t.Site}/{t.Terminal}/rotate", "<button>换密钥</button>", "inline")
                  + (t.Login.RevokedUtc is null ? Form(context, $"/console/terminals/{t.Site}/{t.Terminal}/revoke", "<button class=\"danger\" data-confirm=\"吊销后终端将无法连接，确定吗？\">吊销</button>", "inline") : string.Empty);
            return new[]
            {
                H($"{t.Site}/{t.Terminal}"), OverviewPage.LivenessBadge(t.Liveness), services.Local(t.Row?.LastHeartbeatUtc), H(s?.Firmware ?? "—"),
                s is null ? "—" : $"{s.RosterVersion} / {s.ConfigVersion}", s?.BootCount.ToString() ?? "—",
                s?.SignalDbm is { } dbm ? $"{dbm} dBm" : "—", (t.Row?.RecordsStored ?? 0).ToString(), H(login), actions,
            };
        }), "还没有终端"));

        var manageable = account.Sites.Where(account.MayManage).ToList();
        if (manageable.Count > 0)
        {
            html.Append("<h2>添加终端</h2>");
            foreach (string site in manageable)
            {
                html.Append(Form(context, $"/console/terminals/{site}",
                    $"<label>站点 {H(site)} 的新终端编号 <input name=\"terminal\" id=\"new-terminal-{H(site)}\" required placeholder=\"T09\"></label><button>添加并发放密钥</button>", "row"));
            }
        }
        else
        {
            html.Append("<p class=\"hint\">添加终端、换密钥和吊销由负责该站点的乡镇账户操作。</p>");
        }

        return Render(context, "终端", html.ToString(), status);
    }
}
