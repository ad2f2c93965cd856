using System.Security.Cryptography;
using System.Text;
using MealGateway.Accounts;
using Microsoft.AspNetCore.HostFiltering;

namespace MealGateway.Web;

/// <summary>How the HTTP API recognises its operators and which Host names it answers to.</summary>
public sealed record WebSecurityOptions(bool Https, IReadOnlyList<string> AllowedHosts)
{
    /// <summary>`__Host-` binds the cookie to this origin, but browsers accept that prefix only over https.</summary>
    public string SessionCookie => Https ? "__Host-meal_session" : "meal_session";
}

/// <summary>
/// The HTTP API's guards, in request order: Host allow-list (DNS rebinding), refusal of cross-site
/// writes (Origin, Referer, Sec-Fetch-Site), who is asking (OperatorAuthentication), the
/// anti-forgery token on cookie writes, the id rule on {site} and {terminal}, then each endpoint's
/// AccessPolicy. docs/security.md explains each.
/// </summary>
public static class WebSecurity
{
    public const string CsrfHeader = "X-CSRF-Token";

    /// <summary>The hidden form field that carries the anti-forgery token in the console's forms.</summary>
    public const string CsrfField = "csrf";

    public static void AddTo(WebApplicationBuilder builder, WebSecurityOptions options, AccountStore accounts, TimeProvider clock)
    {
        builder.Services.Configure<HostFilteringOptions>(o =>
        {
            o.AllowedHosts = options.AllowedHosts.ToList();
            o.AllowEmptyHosts = false;
            o.IncludeFailureMessage = false;
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(accounts);
        builder.Services.AddSingleton(new OperatorSessions(clock));
        builder.Services.AddSingleton(new LoginApi.Throttles(LoginThrottle.PerUser(clock), LoginThrottle.PerAddress(clock)));
        builder.Services.AddAuthentication(OperatorAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, OperatorAuthentication>(OperatorAuthentication.SchemeName, null);
        builder.Services.AddAuthorization(AccessPolicy.Add);
    }

    public static void Use(WebApplication app)
    {
        app.UseHostFiltering();
        app.Use(async (context, next) =>
        {
            if (IsWrite(context.Request) && CrossSiteProblem(context.Request) is { } problem)
            {
                await Refuse(context, StatusCodes.Status403Forbidden, problem);
                return;
            }

            await next();
        });
        app.UseRouting();
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            string? problem = IsWrite(context.Request) && context.User.FindFirst("via")?.Value == OperatorAuthentication.ViaCookie && !await CsrfMatches(context)
                ? $"浏览器会话的写操作须带防伪令牌 {CsrfHeader}（登录时返回）"
                : IdProblem(context);
            if (problem is not null)
            {
                await Refuse(context, problem.StartsWith("浏览器", StringComparison.Ordinal) ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest, problem);
                return;
            }

            await next();
        });
        app.UseAuthorization();
    }

    private static bool IsWrite(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    /// <summary>Why a write looks cross-site, or null. Scripts send none of these headers; browsers always send Origin on a cross-origin POST.</summary>
    private static string? CrossSiteProblem(HttpRequest request)
    {
        string? fetchSite = request.Headers["Sec-Fetch-Site"];
        if (fetchSite is not null && fetchSite is not ("same-origin" or "none"))
        {
            return "拒绝跨站请求 (Sec-Fetch-Site)";
        }

        string? origin = request.Headers.Origin;
        if (origin is not null)
        {
            return SameAuthority(origin, request) ? null : "拒绝跨站请求 (Origin)";
        }

        string? referer = request.Headers.Referer;
        return referer is null || SameAuthority(referer, request) ? null : "拒绝跨站请求 (Referer)";
    }

    private static bool SameAuthority(string url, HttpRequest request) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == request.Scheme
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The token from the X-CSRF-Token header, or for an HTML form of the console (which cannot set
    /// headers) from its hidden <see cref="CsrfField"/> field.
    /// </summary>
    private static async Task<bool> CsrfMatches(HttpContext context)
    {
        string? sent = context.Request.Headers[CsrfHeader];
        if (sent is null && context.Request.HasFormContentType)
        {
            sent = (await context.Request.ReadFormAsync()).TryGetValue(CsrfField, out var field) ? field.ToString() : null;
        }

        string? expected = context.User.FindFirst("csrf")?.Value;
        return sent is not null && expected is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));
    }

    private static string? IdProblem(HttpContext context)
    {
        var values = context.Request.RouteValues;
        return (values.TryGetValue("site", out var site) ? IdRule.Problem(site as string, "站点编号") : null)
            ?? (values.TryGetValue("terminal", out var terminal) ? IdRule.Problem(terminal as string, "终端编号") : null)
            ?? (context.Request.Query.TryGetValue("site", out var query) ? IdRule.Problem(query.ToString(), "站点编号") : null);
    }

    private static Task Refuse(HttpContext context, int status, string problem)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = problem });
    }
}
