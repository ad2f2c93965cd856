using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MealGateway.Accounts;

namespace MealGateway.Tests.Security;

/// <summary>With a certificate file the HTTP API serves https only and its session cookie is Secure and __Host- bound.</summary>
public sealed class HttpsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("https-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task WithACertificate_LoginSetsASecureHostCookie_OverHttps()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        string pfx = Path.Combine(directory, "gateway.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));

        await using var gateway = await GatewayHost.StartAsync(new GatewayOptions
        {
            DataDirectory = Path.Combine(directory, "data"), MqttPort = 0, HttpPort = 0,
            HttpsCertificatePath = pfx, HttpsCertificatePassword = "pfx-password",
        });
        Assert.StartsWith("https://", gateway.HttpUrl);
        Assert.Null(gateway.Accounts.Add("zhao", OperatorRole.County, [], "a long enough password"));
        string thumbprint = certificate.Thumbprint;
        using var browser = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == thumbprint,
        }) { BaseAddress = new Uri(gateway.HttpUrl) };

        var login = await browser.PostAsJsonAsync("/api/login", new { user = "zhao", password = "a long enough password" });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        string cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("__Host-meal_session=", cookie);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        using var plain = new HttpClient();
        try
        {
            var answer = await plain.GetAsync(gateway.HttpUrl.Replace("https://", "http://") + "/api/health");
            Assert.False(answer.IsSuccessStatusCode, "plain http must not be served");
        }
        catch (HttpRequestException)
        {
            // Kestrel closed the connection: no plain http either.
        }
    }
}
