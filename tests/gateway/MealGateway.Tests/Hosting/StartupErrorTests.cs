using System.Net;
using System.Net.Sockets;

namespace MealGateway.Tests.Hosting;

/// <summary>
/// Issue #16: mistakes a user can make when starting the gateway end in one clear line naming the
/// option that changes it, not a stack trace (the `run` command prints GatewayStartException.Message).
/// </summary>
public sealed class StartupErrorTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "startup-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task MqttPortInUse_SaysWhichOptionChangesIt()
    {
        using var taken = Taken(out int port);
        var error = await Assert.ThrowsAsync<GatewayStartException>(() => GatewayHost.StartAsync(new GatewayOptions { DataDirectory = data, MqttPort = port, HttpPort = 0 }));
        Assert.Contains($"{port}", error.Message);
        Assert.Contains("--mqtt-port", error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [Fact]
    public async Task HttpPortInUse_SaysWhichOptionChangesIt_AndFreesTheBrokerPort()
    {
        using var taken = Taken(out int port);
        var error = await Assert.ThrowsAsync<GatewayStartException>(() => GatewayHost.StartAsync(new GatewayOptions { DataDirectory = data, MqttPort = 0, HttpPort = port }));
        Assert.Contains("--http-port", error.Message);
        Assert.DoesNotContain("\n", error.Message);

        await using var second = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = data, MqttPort = 0, HttpPort = 0 }); // the database was let go
    }

    [Fact]
    public async Task DatabaseHeldByARunningGateway_IsSaidPlainly()
    {
        await using var first = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = data, MqttPort = 0, HttpPort = 0 });
        var error = await Assert.ThrowsAsync<GatewayStartException>(() => GatewayHost.StartAsync(new GatewayOptions { DataDirectory = data, MqttPort = 0, HttpPort = 0 }));
        Assert.Contains("数据库正被运行中的网关使用", error.Message);
        Assert.Contains("--data", error.Message);
    }

    private static TcpListener Taken(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }
}
