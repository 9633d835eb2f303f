namespace VideoConf.Server.Tests.Http;

/// <summary><see cref="BodyLimitTests{TFactory}"/> on the in-memory test server.</summary>
public sealed class InMemoryBodyLimitTests(FaultInjectionFactory factory)
    : BodyLimitTests<FaultInjectionFactory>(factory), IClassFixture<FaultInjectionFactory>;
