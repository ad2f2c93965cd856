namespace MealGateway.OperatorConsole;

/// <summary>
/// Where the console lives. Its pages answer a missing login with a redirect to the login page and
/// a missing right with a Chinese page, where the JSON API answers 401/403 JSON.
/// </summary>
public static class ConsolePaths
{
    public const string Root = "/console";
    public const string Login = "/console/login";

    /// <summary>A console page or form (not its style sheet or script, which are open).</summary>
    public static bool IsPage(HttpRequest request) => request.Path.StartsWithSegments(Root);

    public static Task WriteForbidden(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(ConsolePage.Document("无权操作",
            "<main class=\"narrow\"><h1>无权操作</h1><p>此账户无权查看或进行该操作。县级、乡镇和站点账户的权限见安全说明。</p>"
            + "<p><a href=\"/console\">返回总览</a></p></main>"));
    }
}
