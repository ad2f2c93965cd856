using System.Text;
using MealGateway.Downloads;
using MealGateway.Web;
using MealTerminal.Core.Sync;
using static MealGateway.OperatorConsole.ConsolePage;

namespace MealGateway.OperatorConsole;

/// <summary>
/// 名册与配置: what each site and each terminal runs; a township operator uploads a roster or
/// configuration file and sees every problem with its line number on the page (SiteFiles, the same
/// check as POST /api/rosters); below, the unknown cards to enrol (<see cref="EnrolmentForms"/>).
/// </summary>
public static class RostersPage
{
    public static void Map(WebApplication app, ConsoleServices services)
    {
        app.MapGet("/console/rosters", (HttpContext context) => Page(context, services, null)).RequireAuthorization(AccessPolicy.Operator);

        app.MapPost("/console/rosters/{site}", async (string site, HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            string kind = form["kind"] == "config" ? "config" : "roster";
            var file = form.Files["file"];
            if (file is null || file.Length == 0)
            {
                return Page(context, services, Notice(false, "请选择要上传的文件"), 400);
            }

            using var bytes = new MemoryStream();
            await file.CopyToAsync(bytes);
            var image = Import(services, kind, site, bytes.ToArray(), Path.GetFileName(file.FileName), out var problems);
            if (image is null)
            {
                return Page(context, services, Notice(false, $"{Path.GetFileName(file.FileName)} 有问题，未保存（站点 {site} 仍用原来的版本）：", problems), 400);
            }

            int offered = await services.Ingest.AnnounceAsync(image);
            string what = kind == "roster" ? $"名册第 {image.Version} 版（{image.Entries} 张卡）" : $"配置第 {image.Version} 版";
            return Page(context, services, Notice(true, $"站点 {site} {what}已保存，已通知 {offered} 台在线终端下载"));
        }).RequireAuthorization(AccessPolicy.ManageSite);
    }

    /// <summary>
    /// The roster and configuration import behind the console's upload form: the file's bytes and
    /// name go to the gateway's one import (SiteFiles), which reads them as UTF-8 text.
    /// </summary>
    public static SiteImage? Import(ConsoleServices services, string kind, string site, byte[] bytes, string fileName, out List<string> problems) =>
        SiteFiles.Import(services.Images, kind, site, bytes, fileName, DateTime.UtcNow, services.Policy, out problems); // .xlsx, or CSV in UTF-8 or GB18030

    public static IResult Page(HttpContext context, ConsoleServices services, string? notice, int status = 200)
    {
        var account = OperatorAuthentication.Of(context)!;
        var html = new StringBuilder(notice ?? string.Empty);
        var sites = services.Sites().Where(account.MayRead).Union(account.Sites).Distinct().Order(StringComparer.Ordinal).ToList();
        html.Append("<h2>各站点当前版本</h2>").Append(Table("site-files", ["站点", "名册", "配置", "终端正在用的名册/配置版本", "上传"], sites.Select(site =>
        {
            var roster = services.Images.Current(site, DownloadCodec.KindRoster);
            var config = services.Images.Current(site, DownloadCodec.KindConfig);
            var running = TerminalViews.For(services, account).Where(t => t.Site == site).Select(t =>
                $"{H(t.Terminal)}：{(t.Status is { } s ? $"{s.RosterVersion}/{s.ConfigVersion}" + (roster is not null && s.RosterVersion < roster.Version || config is not null && s.ConfigVersion < config.Version ? " <span class=\"warn\">待更新</span>" : string.Empty) : "未知")}");
            return new[]
            {
                H(site), roster is null ? "无" : $"第 {roster.Version} 版，{roster.Entries} 张卡<br><small>{services.Local(roster.UpdatedUtc)}</small>",
                config is null ? "无" : $"第 {config.Version} 版<br><small>{services.Local(config.UpdatedUtc)}</small>",
                string.Join("<br>", running), account.MayManage(site) ? UploadForm(context, site) : "<small>乡镇账户可上传</small>",
            };
        }), "还没有站点"));
        html.Append("<p class=\"hint\">名册为 Excel（.xlsx）或 CSV 文件（UTF-8 或 GB18030），表头：卡号,老人编号,类别[,姓名,状态,起始日期,截止日期,送餐]；有任何问题整个文件不保存，问题按行号列出。</p>");
        html.Append(EnrolmentForms.Section(context, services, account));
        return Render(context, "名册与配置", html.ToString(), status);
    }

    private static string UploadForm(HttpContext context, string site) => Form(context, $"/console/rosters/{site}",
        $"<select name=\"kind\" id=\"kind-{H(site)}\"><option value=\"roster\">名册</option><option value=\"config\">配置</option></select>"
        + $"<input type=\"file\" name=\"file\" id=\"file-{H(site)}\" required><button id=\"upload-{H(site)}\">上传</button>", "row", file: true);
}
