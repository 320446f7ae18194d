using System.Net;
using System.Net.Sockets;

namespace KapClinic.TestSupport;

/// <summary>A TCP port on loopback that nothing listens on right now (the OS picks it), for servers a test or tool starts.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
