using System.Reflection;
using MealGateway.Web;

namespace MealGateway.OperatorConsole;

/// <summary>
/// The operator console (issue #16): server-rendered pages under /console for township and county
/// staff, on the API's accounts, roles and anti-forgery tokens. Every page needs a login; each form
/// that changes data names the same AccessPolicy as the JSON endpoint doing the same work.
/// </summary>
public static class ConsoleEndpoints
{
    public static void Map(WebApplication app, ConsoleServices services)
    {
        MapAssets(app);
        LoginPage.Map(app);
        OverviewPage.Map(app, services);
        TerminalsPage.Map(app, services);
        RostersPage.Map(app, services);
        EnrolmentForms.Map(app, services);
        DeskTapForms.Map(app, services);
        ReviewsPage.Map(app, services);
        SettlementPage.Map(app, services);
        WelfarePage.Map(app, services);
        AccountsPage.Map(app, services);
    }

    /// <summary>The style sheet and the live-update script, open to all (the login page uses them), cached for an hour.</summary>
    private static void MapAssets(WebApplication app)
    {
        foreach (var (name, type) in new[] { ("console.css", "text/css; charset=utf-8"), ("console.js", "text/javascript; charset=utf-8") })
        {
            byte[] bytes = Read(name);
            app.MapGet($"/console-assets/{name}", (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "private, max-age=3600";
                return Results.Bytes(bytes, type);
            }).AllowAnonymous();
        }
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"console asset {name} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
