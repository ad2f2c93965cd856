using System.Net;
using System.Net.Sockets;

namespace MealGateway;

/// <summary>Asks the OS for a free loopback TCP port.</summary>
public static class FreePort
{
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
