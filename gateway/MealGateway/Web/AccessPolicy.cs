using MealGateway.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace MealGateway.Web;

/// <summary>
/// The authorization policies endpoints name with one line, e.g.
/// <c>app.MapPost("/api/reviews/{id}", ...).RequireAuthorization(AccessPolicy.County)</c>.
/// The site a request concerns is its {site} route value, else its ?site= query; a request that
/// names no site concerns every site, which only the county may read (docs/security.md).
/// </summary>
public static class AccessPolicy
{
    /// <summary>Any active operator account (lists the endpoint then filters to the sites it may read).</summary>
    public const string Operator = "operator";

    /// <summary>Reads one site's personal data: the county, or an account of that site.</summary>
    public const string ReadSite = "read-site";

    /// <summary>Changes one site's roster, configuration or terminals: a township operator of that site.</summary>
    public const string ManageSite = "manage-site";

    /// <summary>County-wide work: settle, decide reviews, the outbox.</summary>
    public const string County = "county";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Operator, p => p.RequireAuthenticatedUser());

        // An endpoint that names no policy still needs a logged-in operator; the open ones say AllowAnonymous.
        options.FallbackPolicy = options.GetPolicy(Operator);
        options.AddPolicy(ReadSite, p => p.RequireAuthenticatedUser().AddRequirements(new SiteRequirement(manage: false)));
        options.AddPolicy(ManageSite, p => p.RequireAuthenticatedUser().AddRequirements(new SiteRequirement(manage: true)));
        options.AddPolicy(County, p => p.RequireAuthenticatedUser().RequireRole(OperatorAccount.RoleName(OperatorRole.County)));
    }

    /// <summary>The site the request concerns, or null when it names none.</summary>
    public static string? SiteOf(HttpContext context) =>
        context.Request.RouteValues.TryGetValue("site", out var route) && route is string site ? site : context.Request.Query["site"].FirstOrDefault();

    public sealed class SiteRequirement(bool manage) : IAuthorizationRequirement, IAuthorizationHandler
    {
        public Task HandleAsync(AuthorizationHandlerContext context)
        {
            if (context.Resource is HttpContext http && OperatorAuthentication.Of(http) is { } account)
            {
                string? site = SiteOf(http);
                bool allowed = site is null
                    ? !manage && account.Role == OperatorRole.County
                    : manage ? account.MayManage(site) : account.MayRead(site);
                if (allowed)
                {
                    context.Succeed(this);
                }
            }

            return Task.CompletedTask;
        }
    }
}
