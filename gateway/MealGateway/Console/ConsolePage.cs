using System.Text;
using MealGateway.Accounts;
using MealGateway.Web;

namespace MealGateway.OperatorConsole;

/// <summary>
/// The console's HTML shell and the few builders every page uses: escaping, tables, forms that
/// carry the session's anti-forgery token. Pages are plain server-rendered HTML in Chinese.
/// </summary>
public static class ConsolePage
{
    private static readonly (string Path, string Title, bool CountyOnly)[] Sections =
    [
        ("/console", "总览", false), ("/console/terminals", "终端", false), ("/console/rosters", "名册与配置", false),
        ("/console/reviews", "待审核", false), ("/console/welfare", "常来未到", false),
        ("/console/settlement", "结算", false), ("/console/accounts", "账户", true),
    ];

    /// <summary>A whole page for the logged-in operator, with the navigation bar.</summary>
    public static IResult Render(HttpContext context, string title, string body, int status = 200)
    {
        var account = OperatorAuthentication.Of(context)!;
        var nav = new StringBuilder("<nav><span class=\"brand\">助餐网关</span>");
        foreach (var (path, name, countyOnly) in Sections.Where(s => !s.CountyOnly || account.Role == OperatorRole.County))
        {
            string current = context.Request.Path == path ? " class=\"current\" aria-current=\"page\"" : string.Empty;
            nav.Append($"<a href=\"{path}\"{current}>{name}</a>");
        }

        nav.Append($"<span class=\"who\">{H(account.Id)}（{RoleLabel(account.Role)}）</span>");
        nav.Append(Form(context, "/console/logout", "<button class=\"link\">退出</button>", "inline"));
        nav.Append("</nav>");
        return Results.Content(Document(title, nav + $"<main><h1>{H(title)}</h1>{body}</main>"), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    public static string Document(string title, string body) =>
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
        + $"<title>{H(title)} - 助餐网关</title><link rel=\"stylesheet\" href=\"/console-assets/console.css\">"
        + $"<script src=\"/console-assets/console.js\" defer></script></head><body>{body}</body></html>";

    /// <summary>A POST form with the session's anti-forgery token.</summary>
    public static string Form(HttpContext context, string action, string inner, string? cssClass = null, bool file = false)
    {
        string token = context.User.FindFirst("csrf")?.Value ?? string.Empty;
        string css = cssClass is null ? string.Empty : $" class=\"{cssClass}\"";
        string type = file ? " enctype=\"multipart/form-data\"" : string.Empty;
        return $"<form method=\"post\" action=\"{H(action)}\"{css}{type}><input type=\"hidden\" name=\"{WebSecurity.CsrfField}\" value=\"{H(token)}\">{inner}</form>";
    }

    /// <summary>A table; cells are HTML already (escape text with <see cref="H"/>).</summary>
    public static string Table(string id, IEnumerable<string> headers, IEnumerable<IEnumerable<string>> rows, string empty = "（无）")
    {
        var html = new StringBuilder($"<table id=\"{id}\"><thead><tr>");
        foreach (string h in headers)
        {
            html.Append($"<th>{h}</th>");
        }

        html.Append("</tr></thead><tbody>");
        int count = 0;
        foreach (var row in rows)
        {
            html.Append("<tr>").Append(string.Concat(row.Select(c => $"<td>{c}</td>"))).Append("</tr>");
            count++;
        }

        if (count == 0)
        {
            html.Append($"<tr><td colspan=\"{headers.Count()}\" class=\"empty\">{empty}</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>A message box: ok (green) or problem (red), with optional detail lines.</summary>
    public static string Notice(bool ok, string message, IEnumerable<string>? lines = null)
    {
        string list = lines is null ? string.Empty : "<ul>" + string.Concat(lines.Select(l => $"<li>{H(l)}</li>")) + "</ul>";
        return $"<div class=\"notice {(ok ? "ok" : "problem")}\" role=\"status\"><p>{H(message)}</p>{list}</div>";
    }

    public static string H(string? text) => text is null ? string.Empty : text
        .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");

    public static string RoleLabel(OperatorRole role) => role switch
    {
        OperatorRole.County => "县级",
        OperatorRole.Township => "乡镇",
        _ => "站点",
    };
}
