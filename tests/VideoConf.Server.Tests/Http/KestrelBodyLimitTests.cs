namespace VideoConf.Server.Tests.Http;

/// <summary><see cref="BodyLimitTests{TFactory}"/> on real Kestrel sockets (chunked uploads, Kestrel's body limit).</summary>
public sealed class KestrelBodyLimitTests(KestrelFactory factory)
    : BodyLimitTests<KestrelFactory>(factory), IClassFixture<KestrelFactory>
{
    private readonly KestrelFactory _factory = factory;

    protected override bool OverRealSockets => true;

    protected override HttpClient CreateRawClient() =>
        new(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = _factory.CreateClient().BaseAddress,
        };
}
