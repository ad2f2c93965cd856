using System.Security.Claims;
using System.Text.Encodings.Web;
using MealGateway.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MealGateway.Web;

/// <summary>
/// Who is asking: a bearer token (scripts; `Authorization: Bearer mgt_...`) or the session cookie
/// of a browser that logged in. Either way the account is read again from accounts.db, so a
/// disabled account is refused at its next request. Refusals answer in Chinese JSON.
/// </summary>
public sealed class OperatorAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AccountStore accounts, OperatorSessions sessions, WebSecurityOptions security)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "operator";
    public const string ViaCookie = "cookie";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? authorization = Request.Headers.Authorization;
        if (authorization is not null)
        {
            if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                return Task.FromResult(AuthenticateResult.Fail("unsupported authorization"));
            }

            var account = accounts.CheckToken(authorization["Bearer ".Length..].Trim());
            return Task.FromResult(account is null ? AuthenticateResult.Fail("bad token") : Success(account, "bearer", null));
        }

        var session = sessions.Find(Request.Cookies[security.SessionCookie]);
        if (session is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var holder = accounts.Find(session.Account);
        return Task.FromResult(holder is { IsActive: true } ? Success(holder, ViaCookie, session.CsrfToken) : AuthenticateResult.Fail("account disabled"));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (OperatorConsole.ConsolePaths.IsPage(Request))
        {
            Response.Redirect(OperatorConsole.ConsolePaths.Login);
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Response.WriteAsJsonAsync(new { error = "需要登录：POST /api/login，或带 Authorization: Bearer 令牌" });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        if (OperatorConsole.ConsolePaths.IsPage(Request))
        {
            await OperatorConsole.ConsolePaths.WriteForbidden(Context);
            return;
        }

        await Response.WriteAsJsonAsync(new { error = "此账户无权进行该操作" });
    }

    private AuthenticateResult Success(OperatorAccount account, string via, string? csrf)
    {
        Context.Items[typeof(OperatorAccount)] = account;
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, account.Id), new(ClaimTypes.Role, OperatorAccount.RoleName(account.Role)), new("via", via),
        };
        if (csrf is not null)
        {
            claims.Add(new Claim("csrf", csrf));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    /// <summary>The account authenticated for this request (set by this handler).</summary>
    public static OperatorAccount? Of(HttpContext context) => context.Items[typeof(OperatorAccount)] as OperatorAccount;
}
