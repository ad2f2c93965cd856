using System.Text;
using MealGateway.County;

namespace MealGateway.Tests.County;

public sealed class RequestSignerTests : IDisposable
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"site\":\"S01\"}");
    private readonly string directory = Directory.CreateTempSubdirectory("key-").FullName;

    public void Dispose() => Directory.Delete(directory, true);

    [Fact]
    public void SignatureIsHmacSha256OfTheDocumentedCanonicalText()
    {
        string canonical = RequestSigner.CanonicalText(1_790_000_000, "post", "/v1/statements", "GW1:monthly:S01:2026-10:r1", Body);
        Assert.Equal("1790000000\nPOST\n/v1/statements\nGW1:monthly:S01:2026-10:r1\n" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Body)), canonical);
        using var hmac = new System.Security.Cryptography.HMACSHA256(Key);
        Assert.Equal(Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(canonical))),
            RequestSigner.Sign(Key, 1_790_000_000, "POST", "/v1/statements", "GW1:monthly:S01:2026-10:r1", Body));
    }

    [Fact]
    public void ChangingTheBodyKeyPathOrTime_BreaksTheSignature()
    {
        string signature = RequestSigner.Sign(Key, 100, "POST", "/v1/statements", "k1", Body);
        Assert.True(RequestSigner.Verify(Key, 100, "POST", "/v1/statements", "k1", Body, signature));
        Assert.False(RequestSigner.Verify(Key, 100, "POST", "/v1/statements", "k1", Encoding.UTF8.GetBytes("{\"site\":\"S02\"}"), signature));
        Assert.False(RequestSigner.Verify(Key, 100, "POST", "/v1/statements", "k2", Body, signature));
        Assert.False(RequestSigner.Verify(Key, 100, "POST", "/v1/daily-tallies", "k1", Body, signature));
        Assert.False(RequestSigner.Verify(Key, 101, "POST", "/v1/statements", "k1", Body, signature));
        Assert.False(RequestSigner.Verify(Key.Reverse().ToArray(), 100, "POST", "/v1/statements", "k1", Body, signature));
    }

    [Theory]
    [InlineData("00 11", "太短")]
    [InlineData("not hex at all", "不是十六进制")]
    public void BadKeyFiles_AreRefusedWithAReason(string content, string reason)
    {
        string path = Path.Combine(directory, "county.key");
        File.WriteAllText(path, content);
        Assert.False(RequestSigner.TryReadKey(path, out _, out string problem));
        Assert.Contains(reason, problem);
        Assert.False(RequestSigner.TryReadKey(Path.Combine(directory, "missing.key"), out _, out problem));
        Assert.Contains("找不到", problem);
    }
}
