using System.Security.Cryptography;

namespace MealGateway.Broker;

/// <summary>
/// PBKDF2-HMAC-SHA256 with a random 16-byte salt per terminal (NIST SP 800-132). Terminal secrets are
/// 128-bit random strings, not chosen words, so the iteration count guards a stolen database less
/// than the secret's entropy does; it is kept moderate because a Raspberry Pi verifies one per
/// connection and 200 terminals reconnect together after a network outage. The count is stored
/// with each hash so it can be raised later.
/// </summary>
public static class PasswordHash
{
    public const int Iterations = 20_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static (byte[] Salt, byte[] Hash) Create(string secret) => Create(secret, Iterations);

    /// <summary>With another iteration count: operator passwords, which people choose, get more (Accounts/AccountStore).</summary>
    public static (byte[] Salt, byte[] Hash) Create(string secret, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return (salt, Derive(secret, salt, iterations));
    }

    public static bool Verify(string secret, byte[] salt, byte[] hash, int iterations) =>
        CryptographicOperations.FixedTimeEquals(Derive(secret, salt, iterations), hash);

    /// <summary>A new terminal secret: 128 random bits as 32 lowercase hex digits.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static byte[] Derive(string secret, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(secret, salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
