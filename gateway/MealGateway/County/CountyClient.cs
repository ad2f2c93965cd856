using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MealGateway.Settlement;

namespace MealGateway.County;

/// <summary>Where the county platform is and how this gateway signs to it.</summary>
public sealed record CountyOptions(Uri BaseUrl, string GatewayId, byte[] Key)
{
    /// <summary>A request with no answer within this time is retried (the platform may still have applied it).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>The outcome of one delivery attempt; Reason is for the operator (Chinese first).</summary>
public sealed record DeliveryResult(bool Delivered, string Reason);

/// <summary>Sends one outbox entry to the county platform (docs/county-api.md), signed, with its idempotency key.</summary>
public sealed class CountyClient(CountyOptions options, HttpMessageHandler? handler = null) : IDisposable
{
    private readonly HttpClient http = new(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = options.BaseUrl, Timeout = options.Timeout,
    };

    public static string PathOf(string kind) => kind switch
    {
        StatementKind.Daily => "/v1/daily-tallies",
        Welfare.AbsenceReports.Kind => "/v1/daily-absences",
        _ => "/v1/statements",
    };

    public async Task<DeliveryResult> SendAsync(OutboxEntry entry, string json, DateTimeOffset now, CancellationToken cancellationToken)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        string path = PathOf(entry.Kind);
        long timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.BaseUrl, options.BaseUrl.AbsolutePath.TrimEnd('/') + path));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(RequestSigner.GatewayHeader, options.GatewayId);
        request.Headers.Add(RequestSigner.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(RequestSigner.IdempotencyHeader, entry.IdempotencyKey);
        request.Headers.Add(RequestSigner.SignatureHeader, RequestSigner.Sign(options.Key, timestamp, "POST", request.RequestUri!.AbsolutePath, entry.IdempotencyKey, body));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.OK or HttpStatusCode.Created => new DeliveryResult(true, string.Empty),
                HttpStatusCode.Conflict => new DeliveryResult(false, $"县平台拒收：同一幂等键已有不同内容 (409) {await BodyOf(response)}"),
                HttpStatusCode.Unauthorized => new DeliveryResult(false, "县平台拒绝签名 (401)：请核对网关编号和密钥"),
                _ => new DeliveryResult(false, $"县平台返回 {(int)response.StatusCode} {await BodyOf(response)}".TrimEnd()),
            };
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(false, $"县平台无应答（超过 {options.Timeout.TotalSeconds:0.#} 秒）");
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryResult(false, $"无法连接县平台：{ex.Message}");
        }
    }

    public void Dispose() => http.Dispose();

    private static async Task<string> BodyOf(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        return text.Length > 200 ? text[..200] : text;
    }
}
