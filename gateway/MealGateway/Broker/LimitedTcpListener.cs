using System.Net;
using System.Net.Sockets;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace MealGateway.Broker;

/// <summary>
/// The embedded broker's TCP endpoint in place of MQTTnet's default one, which has no limit on the
/// size of an incoming packet and opens an IPv6 listener on every address by default. It listens on
/// exactly one address and hands MQTTnet each connection's stream through PacketSizeLimit.
/// </summary>
public sealed class LimitedTcpListener(IPAddress bind, int port, int maxPacketBytes, Action<EndPoint?, long> onOversize) : IMqttServerAdapter
{
    private readonly CancellationTokenSource stopping = new();
    private TcpListener? listener;

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    /// <summary>The port listened on once started: the one asked for, or the one the OS chose for port 0.</summary>
    public int BoundPort => ((IPEndPoint)listener!.LocalEndpoint).Port;

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        listener = new TcpListener(bind, port);
        if (bind.Equals(IPAddress.IPv6Any))
        {
            listener.Server.DualMode = true;
        }

        listener.Start();
        _ = AcceptAsync(options, logger);
        return Task.CompletedTask;
    }

    private async Task AcceptAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener!.AcceptSocketAsync(stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (stopping.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            _ = ServeAsync(socket, options, logger);
        }
    }

    private async Task ServeAsync(Socket socket, MqttServerOptions options, IMqttNetLogger logger)
    {
        var remote = socket.RemoteEndPoint;
        try
        {
            socket.NoDelay = true;
            await using var stream = new PacketSizeLimit(new NetworkStream(socket, ownsSocket: true), maxPacketBytes, size => onOversize(remote, size));
            var channel = new MqttTcpChannel(stream, socket.LocalEndPoint, remote, null);
            using var adapter = new MqttChannelAdapter(channel, new MqttPacketFormatterAdapter(new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax)), logger);
            if (ClientHandler is { } handler)
            {
                await handler(adapter);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away or broke the limit; MQTTnet has ended its session.
        }
        finally
        {
            socket.Dispose();
        }
    }

    public Task StopAsync()
    {
        stopping.Cancel();
        listener?.Stop();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        stopping.Cancel();
        listener?.Stop();
        stopping.Dispose();
    }
}
