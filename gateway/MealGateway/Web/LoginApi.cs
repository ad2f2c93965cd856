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
        app.MapPost("/api/login", (Credentials body, HttpContext context, AccountStore accounts, OperatorSessions sessions, Throttles throttles, WebSecurityOptions security) =>
        {
            string address = "addr:" + context.Connection.RemoteIpAddress;
            string user = "user:" + (body.User ?? string.Empty);
            if (throttles.PerAddress.IsLockedOut(address) || throttles.PerUser.IsLockedOut(user))
            {
                return Results.Json(new { error = "登录失败次数过多，请稍后再试" }, statusCode: StatusCodes.Status429TooManyRequests);
            }

            var account = accounts.CheckPassword(body.User, body.Password);
            if (account is null)
            {
                throttles.PerAddress.RecordFailure(address);
                throttles.PerUser.RecordFailure(user);
                return Results.Json(new { error = "账户名或密码不对，或账户已停用" }, statusCode: StatusCodes.Status401Unauthorized);
            }

            throttles.PerUser.RecordSuccess(user);
            var (id, session) = sessions.Start(account.Id);
            context.Response.Cookies.Append(security.SessionCookie, id, new CookieOptions
            {
                HttpOnly = true, Secure = security.Https, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true,
            });
            return Results.Ok(new { account = account.Id, role = OperatorAccount.RoleName(account.Role), sites = account.Sites, csrfToken = session.CsrfToken });
        }).AllowAnonymous();

        app.MapPost("/api/logout", (HttpContext context, OperatorSessions sessions, WebSecurityOptions security) =>
        {
            sessions.End(context.Request.Cookies[security.SessionCookie]);
            context.Response.Cookies.Delete(security.SessionCookie);
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
}
