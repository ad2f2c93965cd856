using MealGateway.Broker;

namespace MealGateway.Web;

/// <summary>
/// Township operators provision and revoke their sites' terminals over HTTP and in the console (the
/// `terminal` command does the same on the gateway machine). A revocation ends the terminal's live session at once.
/// </summary>
public static class TerminalApi
{
    public static void Map(WebApplication app, CredentialStore credentials, EmbeddedBroker? broker)
    {
        app.MapPost("/api/terminals/{site}/{terminal}", (string site, string terminal, bool? rotate) =>
        {
            var (secret, problem) = Provision(credentials, site, terminal, rotate == true);
            return secret is null
                ? Results.Conflict(new { error = problem })
                : Results.Ok(new { user = TerminalCredential.UserNameOf(site, terminal), secret, clientId = $"terminal-{site}-{terminal}" });
        }).RequireAuthorization(AccessPolicy.ManageSite);

        app.MapPost("/api/terminals/{site}/{terminal}/revoke", async (string site, string terminal) =>
            await Revoke(credentials, broker, site, terminal)
                ? Results.Ok(new { revoked = TerminalCredential.UserNameOf(site, terminal) })
                : Results.NotFound(new { error = $"没有终端 {site}/{terminal}" })).RequireAuthorization(AccessPolicy.ManageSite);
    }

    /// <summary>A new secret for a new terminal, or for an existing one when rotating (the old secret stops working); else why not.</summary>
    public static (string? Secret, string? Problem) Provision(CredentialStore credentials, string site, string terminal, bool rotate)
    {
        bool exists = credentials.All().Any(c => c.Site == site && c.Terminal == terminal);
        if (exists && !rotate)
        {
            return (null, $"终端 {site}/{terminal} 已存在；换新密钥须加 ?rotate=true（旧密钥随即失效）");
        }

        return (credentials.Provision(site, terminal), null);
    }

    /// <summary>Revokes the terminal's login and ends its live session; false when there is no such terminal.</summary>
    public static async Task<bool> Revoke(CredentialStore credentials, EmbeddedBroker? broker, string site, string terminal)
    {
        if (!credentials.Revoke(site, terminal))
        {
            return false;
        }

        if (broker is not null)
        {
            await broker.EndRevokedSessionsAsync();
        }

        return true;
    }
}
