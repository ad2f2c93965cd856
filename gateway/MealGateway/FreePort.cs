using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace MealGateway;

/// <summary>
/// Asks the OS for a free loopback TCP port. The probe socket closes before the caller binds, so
/// the OS may give the same port to a second probe in that gap; a port is therefore handed out at
/// most once per process, which keeps tests that start servers side by side off each other's ports.
/// </summary>
public static class FreePort
{
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    public static int Pick()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (HandedOut.TryAdd(port, true))
            {
                return port;
            }
        }
    }
}
