namespace VideoConf.Server.Tests.Http;

/// <summary>
/// The fault-injection server on real Kestrel sockets (loopback, a free port), for what the in-memory test server
/// cannot show: chunked transfer encoding and Kestrel's own request body limit.
/// </summary>
public sealed class KestrelFactory : FaultInjectionFactory
{
    public KestrelFactory()
    {
        WithSetting("urls", "http://127.0.0.1:0");
        UseKestrel(0);
    }
}
