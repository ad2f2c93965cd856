using System.Security.Cryptography;
using System.Text;

namespace MealGateway.County;

/// <summary>
/// HMAC-SHA256 request signatures with the gateway's own key (docs/county-api.md, "Signing"):
/// the signed text is timestamp, method, path, idempotency key and the body's SHA-256, one per line.
/// </summary>
public static class RequestSigner
{
    public const string GatewayHeader = "X-Gateway-Id";
    public const string TimestampHeader = "X-Timestamp";
    public const string SignatureHeader = "X-Signature";
    public const string IdempotencyHeader = "Idempotency-Key";

    public static string CanonicalText(long unixSeconds, string method, string path, string idempotencyKey, ReadOnlySpan<byte> body) =>
        $"{unixSeconds}\n{method.ToUpperInvariant()}\n{path}\n{idempotencyKey}\n{Convert.ToHexStringLower(SHA256.HashData(body))}";

    public static string Sign(byte[] key, long unixSeconds, string method, string path, string idempotencyKey, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(CanonicalText(unixSeconds, method, path, idempotencyKey, body))));

    /// <summary>Constant-time check of a signature (what the county platform does).</summary>
    public static bool Verify(byte[] key, long unixSeconds, string method, string path, string idempotencyKey, ReadOnlySpan<byte> body, string signature)
    {
        byte[] expected = Encoding.ASCII.GetBytes(Sign(key, unixSeconds, method, path, idempotencyKey, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    /// <summary>Reads a key file: the key as hex (at least 32 bytes), whitespace ignored.</summary>
    public static bool TryReadKey(string path, out byte[] key, out string problem)
    {
        key = [];
        if (!File.Exists(path))
        {
            problem = $"找不到县平台密钥文件 '{Path.GetFullPath(path)}'";
            return false;
        }

        string text = string.Concat(File.ReadAllText(path).Where(c => !char.IsWhiteSpace(c)));
        try
        {
            key = Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            problem = $"县平台密钥文件 '{path}' 不是十六进制文本";
            return false;
        }

        problem = key.Length >= 32 ? string.Empty : $"县平台密钥太短：{key.Length} 字节，至少需要 32 字节";
        return key.Length >= 32;
    }
}
