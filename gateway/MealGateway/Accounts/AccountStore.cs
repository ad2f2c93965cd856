using System.Security.Cryptography;
using System.Text;
using LiteDB;
using MealGateway.Broker;

namespace MealGateway.Accounts;

/// <summary>
/// Operator accounts and bearer tokens in their own LiteDB file (accounts.db), opened in shared
/// mode so the `account` commands work while the gateway runs; each request looks its account up
/// again, so disabling an account or changing its password ends its sessions and tokens at once.
/// </summary>
public sealed class AccountStore(string dataDirectory, TimeProvider clock)
{
    /// <summary>
    /// PBKDF2-HMAC-SHA256 iterations for operator passwords, which people choose: OWASP's 2023
    /// figure of 600,000. Logins are rare and throttled (LoginThrottle) before any hash is computed.
    /// </summary>
    public const int PasswordIterations = 600_000;

    public const int MinimumPasswordLength = 10;

    public string DatabasePath { get; } = Path.Combine(dataDirectory, "accounts.db");

    /// <summary>Why the account cannot be created, in Chinese, or null when it was created.</summary>
    public string? Add(string name, OperatorRole role, IReadOnlyCollection<string> sites, string password)
    {
        string? problem = IdRule.Problem(name, "账户名") ?? PasswordProblem(password) ?? SitesProblem(role, sites);
        if (problem is not null)
        {
            return problem;
        }

        var (salt, hash) = PasswordHash.Create(password, PasswordIterations);
        var account = new OperatorAccount
        {
            Id = name, Role = role, Sites = sites.Distinct().Order(StringComparer.Ordinal).ToArray(),
            Salt = salt, Hash = hash, Iterations = PasswordIterations, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        return Use(db =>
        {
            var accounts = db.GetCollection<OperatorAccount>("accounts");
            if (accounts.FindById(name) is not null)
            {
                return $"账户 {name} 已存在";
            }

            accounts.Insert(account);
            return (string?)null;
        });
    }

    public string? SetPassword(string name, string password) => PasswordProblem(password) ?? Use(db =>
    {
        var accounts = db.GetCollection<OperatorAccount>("accounts");
        var account = accounts.FindById(name);
        if (account is null)
        {
            return $"没有账户 {IdRule.Shown(name)}";
        }

        (account.Salt, account.Hash) = PasswordHash.Create(password, PasswordIterations);
        account.Iterations = PasswordIterations;
        accounts.Update(account);
        db.GetCollection<OperatorToken>("tokens").DeleteMany(t => t.Account == name);
        return null;
    });

    /// <summary>
    /// Gives the account another role and sites; why not (Chinese), or null. Takes effect on its next
    /// request, since every request looks the account up again.
    /// </summary>
    public string? ChangeRole(string name, OperatorRole role, IReadOnlyCollection<string> sites) => SitesProblem(role, sites) ?? Use(db =>
    {
        var accounts = db.GetCollection<OperatorAccount>("accounts");
        var account = accounts.FindById(name);
        if (account is null)
        {
            return $"没有账户 {IdRule.Shown(name)}";
        }

        account.Role = role;
        account.Sites = sites.Distinct().Order(StringComparer.Ordinal).ToArray();
        accounts.Update(account);
        return (string?)null;
    });

    /// <summary>Disables the account and deletes its tokens; false when there is none.</summary>
    public bool Disable(string name) => Use(db =>
    {
        var accounts = db.GetCollection<OperatorAccount>("accounts");
        var account = accounts.FindById(name);
        if (account is null)
        {
            return false;
        }

        account.DisabledUtc ??= clock.GetUtcNow().UtcDateTime;
        accounts.Update(account);
        db.GetCollection<OperatorToken>("tokens").DeleteMany(t => t.Account == name);
        return true;
    });

    public OperatorAccount? Find(string? name) =>
        IdRule.IsValid(name) ? Use(db => db.GetCollection<OperatorAccount>("accounts").FindById(name)) : null;

    public IReadOnlyList<OperatorAccount> All() => Use(db => db.GetCollection<OperatorAccount>("accounts").FindAll().OrderBy(a => a.Id).ToList());

    /// <summary>The active account when the password is right; computes one PBKDF2 hash even for unknown names.</summary>
    public OperatorAccount? CheckPassword(string? name, string? password)
    {
        var account = Find(name);
        byte[] salt = account?.Salt ?? new byte[16];
        bool right = PasswordHash.Verify(password ?? string.Empty, salt, account?.Hash ?? new byte[32], account?.Iterations ?? PasswordIterations);
        return right && account is { IsActive: true } ? account : null;
    }

    /// <summary>Issues a bearer token for an active account; returns it once (null when there is no such account).</summary>
    public string? IssueToken(string name, TimeSpan lifetime)
    {
        if (Find(name) is not { IsActive: true })
        {
            return null;
        }

        string token = "mgt_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        Use(db => db.GetCollection<OperatorToken>("tokens").Insert(new OperatorToken { Id = Digest(token), Account = name, CreatedUtc = now, ExpiresUtc = now + lifetime }));
        return token;
    }

    /// <summary>The active account behind an unexpired token, or null.</summary>
    public OperatorAccount? CheckToken(string token)
    {
        var found = token.Length is > 4 and < 200 ? Use(db => db.GetCollection<OperatorToken>("tokens").FindById(Digest(token))) : null;
        return found is not null && found.ExpiresUtc > clock.GetUtcNow().UtcDateTime && Find(found.Account) is { IsActive: true } account ? account : null;
    }

    private static string? PasswordProblem(string password) => password.Length < MinimumPasswordLength
        ? $"密码至少 {MinimumPasswordLength} 个字符"
        : null;

    private static string? SitesProblem(OperatorRole role, IReadOnlyCollection<string> sites)
    {
        if (role == OperatorRole.County)
        {
            return sites.Count == 0 ? null : "县级账户不设站点（可读所有站点）";
        }

        return sites.Count == 0 ? "乡镇和站点账户须至少指定一个站点" : sites.Select(s => IdRule.Problem(s, "站点编号")).FirstOrDefault(p => p is not null);
    }

    private static string Digest(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private T Use<T>(Func<LiteDatabase, T> action)
    {
        DataFiles.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        using var db = new LiteDatabase(new ConnectionString { Filename = DatabasePath, Connection = ConnectionType.Shared });
        var result = action(db);
        DataFiles.RestrictToOwner(DatabasePath); // LiteDB creates the file on first use, with the default mode
        return result;
    }
}
