using MealGateway.Broker;

namespace MealGateway.Web;

/// <summary>
/// Township operators provision and revoke their sites' terminals over HTTP (the `terminal` command
/// does the same on the gateway machine). A revocation ends the terminal's live session at once.
/// </summary>
public static class TerminalApi
{
    public static void Map(WebApplication app, CredentialStore credentials, EmbeddedBroker? broker)
    {
        app.MapPost("/api/terminals/{site}/{terminal}", (string site, string terminal, bool? rotate) =>
        {
            bool exists = credentials.All().Any(c => c.Site == site && c.Terminal == terminal);
            if (exists && rotate != true)
            {
                return Results.Conflict(new { error = $"终端 {site}/{terminal} 已存在；换新密钥须加 ?rotate=true（旧密钥随即失效）" });
            }

            string secret = credentials.Provision(site, terminal);
            return Results.Ok(new { user = TerminalCredential.UserNameOf(site, terminal), secret, clientId = $"terminal-{site}-{terminal}" });
        }).RequireAuthorization(AccessPolicy.ManageSite);

        app.MapPost("/api/terminals/{site}/{terminal}/revoke", async (string site, string terminal) =>
        {
            if (!credentials.Revoke(site, terminal))
            {
                return Results.NotFound(new { error = $"没有终端 {site}/{terminal}" });
            }

            if (broker is not null)
            {
                await broker.EndRevokedSessionsAsync();
            }

            return Results.Ok(new { revoked = TerminalCredential.UserNameOf(site, terminal) });
        }).RequireAuthorization(AccessPolicy.ManageSite);
    }
}
