using System.Net;
using System.Net.Sockets;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>Ports on 127.0.0.1 for the servers the tests start, and for addresses where nothing answers.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on right now (the system's choice, bound once and released).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
