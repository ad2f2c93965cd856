namespace MealGateway.Accounts;

/// <summary>What an operator may do (docs/security.md has the full table).</summary>
public enum OperatorRole
{
    /// <summary>County civil-affairs staff: read every site, decide reviews, settle.</summary>
    County,

    /// <summary>Township operator: rosters, configurations and terminals of its own sites, and reads them.</summary>
    Township,

    /// <summary>Site host: reads its own site.</summary>
    SiteHost,
}

/// <summary>A person who logs in to the gateway's HTTP API; the password is kept only as a PBKDF2 hash.</summary>
public sealed class OperatorAccount
{
    /// <summary>The login name (IdRule).</summary>
    public string Id { get; set; } = string.Empty;
    public OperatorRole Role { get; set; }

    /// <summary>Sites a township operator or site host works for; empty for the county.</summary>
    public string[] Sites { get; set; } = [];
    public byte[] Salt { get; set; } = [];
    public byte[] Hash { get; set; } = [];
    public int Iterations { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? DisabledUtc { get; set; }

    public bool IsActive => DisabledUtc is null;

    /// <summary>May read the site's records, statements, anomalies and exports.</summary>
    public bool MayRead(string site) => Role == OperatorRole.County || Sites.Contains(site, StringComparer.Ordinal);

    /// <summary>May change the site's roster and configuration and provision or revoke its terminals.</summary>
    public bool MayManage(string site) => Role == OperatorRole.Township && Sites.Contains(site, StringComparer.Ordinal);

    public static string RoleName(OperatorRole role) => role switch
    {
        OperatorRole.County => "county",
        OperatorRole.Township => "township",
        _ => "site-host",
    };

    public static bool TryParseRole(string? text, out OperatorRole role)
    {
        role = text switch { "county" => OperatorRole.County, "township" => OperatorRole.Township, _ => OperatorRole.SiteHost };
        return text is "county" or "township" or "site-host";
    }
}

/// <summary>A bearer token for scripts; only its SHA-256 is stored (the token itself has 256 random bits).</summary>
public sealed class OperatorToken
{
    /// <summary>Lowercase hex SHA-256 of the token.</summary>
    public string Id { get; set; } = string.Empty;
    public string Account { get; set; } = string.Empty;
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
}
