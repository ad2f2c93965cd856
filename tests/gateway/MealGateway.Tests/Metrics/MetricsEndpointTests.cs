using MealGateway.Ingest;
using MealGateway.Tests.Settlement;

namespace MealGateway.Tests.Metrics;

/// <summary>GET /metrics on a running gateway: Prometheus text with what an operator watches.</summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "metrics-" + Guid.NewGuid().ToString("N"));
    private GatewayHost gateway = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(data);
        string policy = Path.Combine(data, "policy.txt");
        await File.WriteAllTextAsync(policy, MonthRig.PolicyText);
        gateway = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = data, MqttPort = 0, HttpPort = 0, PolicyPath = policy });
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Metrics_ShowRecordsStoredTerminalsOutboxAndSettleDuration_InPrometheusFormat()
    {
        Assert.Equal(BatchRejection.None, BatchDecoder.TryDecode(Batches.Meals("T01", 1, 5), "T01", out var batch));
        gateway.Store.StoreBatch("S01", batch!, DateTime.UtcNow);
        Assert.NotNull(gateway.Settlement.SettleMonth("2026-10", null, out _));

        using var client = new HttpClient { BaseAddress = new Uri(gateway.HttpUrl) }; // no login: this machine
        var answer = await client.GetAsync("/metrics");
        string text = await answer.Content.ReadAsStringAsync();

        Assert.True(answer.IsSuccessStatusCode, text);
        Assert.StartsWith("text/plain", answer.Content.Headers.ContentType!.ToString());
        Assert.Contains("meal_gateway_records_stored{site=\"S01\"} 5", text);
        Assert.Contains("meal_gateway_terminals{state=\"never_seen\"} 1", text);
        Assert.Contains("meal_gateway_terminals{state=\"silent\"} 0", text);
        Assert.Contains("meal_gateway_outbox_pending ", text);
        var settled = System.Text.RegularExpressions.Regex.Match(text, @"meal_gateway_settle_duration_seconds_count (\d+)");
        Assert.True(settled.Success && int.Parse(settled.Groups[1].Value) >= 1, text); // the request above, and the periodic pass at start
        Assert.Contains("# TYPE meal_gateway_batches_refused_total counter", text);
    }
}
