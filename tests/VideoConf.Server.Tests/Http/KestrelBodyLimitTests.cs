namespace VideoConf.Server.Tests.Http;

/// <summary><see cref="BodyLimitTests{TFactory}"/> on real Kestrel sockets (chunked uploads, Kestrel's body limit).</summary>
public sealed class KestrelBodyLimitTests(KestrelFactory factory)
    : BodyLimitTests<KestrelFactory>(factory), IClassFixture<KestrelFactory>
{
    protected override bool OverRealSockets => true;
}
