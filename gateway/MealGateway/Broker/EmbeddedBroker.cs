using MQTTnet.Server;

namespace MealGateway.Broker;

/// <summary>
/// The MQTT broker the gateway runs by default (MQTTnet's server on the loopback or all
/// interfaces), so a meal point needs no separate broker installation.
/// </summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly MqttServer server;

    private EmbeddedBroker(MqttServer server, int port)
    {
        this.server = server;
        Port = port;
    }

    public int Port { get; }

    public static async Task<EmbeddedBroker> StartAsync(int port, bool loopbackOnly)
    {
        var builder = new MqttServerFactory().CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(port);
        if (loopbackOnly)
        {
            builder = builder.WithDefaultEndpointBoundIPAddress(System.Net.IPAddress.Loopback);
        }

        var server = new MqttServerFactory().CreateMqttServer(builder.Build());
        await server.StartAsync();
        return new EmbeddedBroker(server, port);
    }

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync();
        server.Dispose();
    }
}
