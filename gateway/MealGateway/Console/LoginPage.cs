using MealGateway.Web;

namespace MealGateway.OperatorConsole;

/// <summary>The console's login and logout: the same throttled password check and session as POST /api/login.</summary>
public static class LoginPage
{
    public static void Map(WebApplication app)
    {
        app.MapGet(ConsolePaths.Login, (HttpContext context) =>
            OperatorAuthentication.Of(context) is not null ? Results.Redirect(ConsolePaths.Root) : Page(null, null)).AllowAnonymous();

        app.MapPost(ConsolePaths.Login, async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            string? user = form["user"];
            var (account, _, error, status) = LoginApi.StartSession(context, user, form["password"]);
            return account is null ? Page(error, user, status) : Results.Redirect(ConsolePaths.Root);
        }).AllowAnonymous();

        app.MapPost("/console/logout", (HttpContext context) =>
        {
            LoginApi.EndSession(context);
            return Results.Redirect(ConsolePaths.Login);
        }).RequireAuthorization(AccessPolicy.Operator);
    }

    private static IResult Page(string? error, string? user, int status = 200)
    {
        string problem = error is null ? string.Empty : ConsolePage.Notice(false, error);
        string body = "<main class=\"narrow\"><h1>助餐网关 · 登录</h1>" + problem
            + "<form method=\"post\" action=\"/console/login\" class=\"stack\">"
            + $"<label>账户名 <input name=\"user\" id=\"user\" autocomplete=\"username\" required value=\"{ConsolePage.H(user)}\"></label>"
            + "<label>密码 <input name=\"password\" id=\"password\" type=\"password\" autocomplete=\"current-password\" required></label>"
            + "<button id=\"login\">登录</button></form>"
            + "<p class=\"hint\">账户由县级管理员在“账户”页或用 <code>account add</code> 命令创建。</p></main>";
        return Results.Content(ConsolePage.Document("登录", body), "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}
