using LiteDB;

namespace MealGateway.Broker;

/// <summary>A terminal's MQTT login as provisioned on the gateway; the secret is kept only hashed.</summary>
public sealed class TerminalCredential
{
    /// <summary>The MQTT user name, "{site}/{terminal}".</summary>
    public string Id { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;
    public string Terminal { get; set; } = string.Empty;
    public byte[] Salt { get; set; } = [];
    public byte[] Hash { get; set; } = [];
    public int Iterations { get; set; }
    public DateTime ProvisionedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }

    public static string UserNameOf(string site, string terminal) => $"{site}/{terminal}";
}

public enum CredentialCheck
{
    Accepted,
    UnknownUser,
    WrongSecret,
    Revoked,
}

/// <summary>
/// Terminal credentials in their own LiteDB file (terminals.db), opened in shared mode so the
/// `terminal add` and `terminal revoke` commands work while the gateway runs. The embedded broker
/// watches the file and ends a revoked terminal's live session at once.
/// </summary>
public sealed class CredentialStore(string dataDirectory)
{
    public string DatabasePath { get; } = Path.Combine(dataDirectory, "terminals.db");

    /// <summary>Creates or replaces a terminal's credential; returns the secret, shown once.</summary>
    public string Provision(string site, string terminal, string? secret = null)
    {
        if ((IdRule.Problem(site, "站点编号") ?? IdRule.Problem(terminal, "终端编号")) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        secret ??= PasswordHash.NewSecret();
        var (salt, hash) = PasswordHash.Create(secret);
        Use(c => c.Upsert(new TerminalCredential
        {
            Id = TerminalCredential.UserNameOf(site, terminal), Site = site, Terminal = terminal,
            Salt = salt, Hash = hash, Iterations = PasswordHash.Iterations, ProvisionedUtc = DateTime.UtcNow,
        }));
        return secret;
    }

    /// <summary>Marks a terminal's credential revoked; false when there is none.</summary>
    public bool Revoke(string site, string terminal) => Use(c =>
    {
        var credential = c.FindById(TerminalCredential.UserNameOf(site, terminal));
        if (credential is null)
        {
            return false;
        }

        credential.RevokedUtc ??= DateTime.UtcNow;
        return c.Update(credential);
    });

    public CredentialCheck Check(string? userName, string? secret, out TerminalCredential? credential)
    {
        credential = string.IsNullOrEmpty(userName) ? null : Use(c => c.FindById(userName));
        if (credential is null)
        {
            return CredentialCheck.UnknownUser;
        }

        if (credential.RevokedUtc is not null)
        {
            return CredentialCheck.Revoked;
        }

        return PasswordHash.Verify(secret ?? string.Empty, credential.Salt, credential.Hash, credential.Iterations)
            ? CredentialCheck.Accepted
            : CredentialCheck.WrongSecret;
    }

    public IReadOnlyList<TerminalCredential> All() => Use(c => c.FindAll().OrderBy(t => t.Id).ToList());

    private T Use<T>(Func<ILiteCollection<TerminalCredential>, T> action)
    {
        DataFiles.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        using var db = new LiteDatabase(new ConnectionString { Filename = DatabasePath, Connection = ConnectionType.Shared });
        var result = action(db.GetCollection<TerminalCredential>("credentials"));
        DataFiles.RestrictToOwner(DatabasePath); // LiteDB creates the file on first use, with the default mode
        return result;
    }
}
