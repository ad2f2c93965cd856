using MealGateway.Accounts;

namespace MealGateway.Web;

/// <summary>
/// POST /api/login (session cookie + anti-forgery token), POST /api/logout, POST /api/tokens
/// (a bearer token for scripts) and GET /api/me. Failed logins are throttled per address and per
/// account name before any password hash is computed.
/// </summary>
public static class LoginApi
{
    public sealed record Throttles(LoginThrottle PerUser, LoginThrottle PerAddress);

    public sealed record Credentials(string? User, string? Password);

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/login", (Credentials body, HttpContext context) =>
        {
            var (account, csrf, error, status) = StartSession(context, body.User, body.Password);
            return account is null
                ? Results.Json(new { error }, statusCode: status)
                : Results.Ok(new { account = account.Id, role = OperatorAccount.RoleName(account.Role), sites = account.Sites, csrfToken = csrf });
        }).AllowAnonymous();

        app.MapPost("/api/logout", (HttpContext context) =>
        {
            EndSession(context);
            return Results.Ok(new { });
        }).RequireAuthorization(AccessPolicy.Operator);

        app.MapPost("/api/tokens", (int? days, HttpContext context, AccountStore accounts) =>
        {
            if (days is < 1 or > 365)
            {
                return Results.BadRequest(new { error = "days 应在 1..365 之间" });
            }

            var lifetime = TimeSpan.FromDays(days ?? 30);
            string? token = accounts.IssueToken(OperatorAuthentication.Of(context)!.Id, lifetime);
            return token is null ? Results.Forbid() : Results.Ok(new { token, days = lifetime.TotalDays });
        }).RequireAuthorization(AccessPolicy.Operator);

        app.MapGet("/api/me", (HttpContext context) => OperatorAuthentication.Of(context) is { } a
            ? Results.Ok(new { account = a.Id, role = OperatorAccount.RoleName(a.Role), sites = a.Sites })
            : Results.Unauthorized()).RequireAuthorization(AccessPolicy.Operator);
    }

    /// <summary>
    /// Checks the password (throttled) and starts a browser session with its cookie; shared by
    /// POST /api/login and the console's login form. On failure: the Chinese error and HTTP status.
    /// </summary>
    public static (OperatorAccount? Account, string? Csrf, string? Error, int Status) StartSession(HttpContext context, string? user, string? password)
    {
        var services = context.RequestServices;
        var throttles = services.GetRequiredService<Throttles>();
        string address = "addr:" + context.Connection.RemoteIpAddress;
        string userKey = "user:" + (user ?? string.Empty);
        if (throttles.PerAddress.IsLockedOut(address) || throttles.PerUser.IsLockedOut(userKey))
        {
            return (null, null, "登录失败次数过多，请稍后再试", StatusCodes.Status429TooManyRequests);
        }

        var account = services.GetRequiredService<AccountStore>().CheckPassword(user, password);
        if (account is null)
        {
            throttles.PerAddress.RecordFailure(address);
            throttles.PerUser.RecordFailure(userKey);
            return (null, null, "账户名或密码不对，或账户已停用", StatusCodes.Status401Unauthorized);
        }

        throttles.PerUser.RecordSuccess(userKey);
        var security = services.GetRequiredService<WebSecurityOptions>();
        var (id, session) = services.GetRequiredService<OperatorSessions>().Start(account.Id);
        context.Response.Cookies.Append(security.SessionCookie, id, new CookieOptions
        {
            HttpOnly = true, Secure = security.Https, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true,
        });
        return (account, session.CsrfToken, null, StatusCodes.Status200OK);
    }

    /// <summary>Ends the browser session of this request and deletes its cookie.</summary>
    public static void EndSession(HttpContext context)
    {
        var security = context.RequestServices.GetRequiredService<WebSecurityOptions>();
        context.RequestServices.GetRequiredService<OperatorSessions>().End(context.Request.Cookies[security.SessionCookie]);
        context.Response.Cookies.Delete(security.SessionCookie);
    }
}
