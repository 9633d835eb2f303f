using VideoConf.Server.RateLimiting;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.RateLimiting;

/// <summary>
/// The <see cref="IRateLimitStore"/> contract, the same cases in memory and on Redis: fixed windows per key, exact
/// admission under concurrency, a hit given back, a window ended. Windows here are long enough never to end by
/// themselves during a case; their ending on the clock is <see cref="InMemoryRateLimitStoreTests"/>' subject.
/// </summary>
[Trait("Category", "Contract")]
public sealed class RateLimitStoreContractTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Theory, InMemory, OnRedis]
    public async Task Hits_AreAdmittedUpToTheLimit_CountingDown_ThenRefusedUntilTheWindowEnds(RateLimitBackend backend)
    {
        await using var limiter = await TestRateLimitStore.OpenAsync(backend);
        var key = UniqueName.For("client");
        var before = DateTimeOffset.UtcNow;

        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 5; i++)
        {
            decisions.Add(await limiter.Store.HitAsync(key, 3, Window));
        }

        Assert.Equal([(true, 2), (true, 1), (true, 0), (false, 0), (false, 0)], decisions.Select(d => (d.Allowed, d.Remaining)));
        Assert.All(decisions, d => Assert.InRange(d.ResetAt, before, DateTimeOffset.UtcNow + Window));
    }

    [Theory, InMemory, OnRedis]
    public async Task ParallelHits_OnOneKey_AdmitExactlyTheLimit(RateLimitBackend backend)
    {
        await using var limiter = await TestRateLimitStore.OpenAsync(backend);
        for (var trial = 0; trial < 5; trial++)
        {
            var key = UniqueName.For("crowd");

            var decisions = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(async () => await limiter.Store.HitAsync(key, 7, Window))));

            Assert.Equal(7, decisions.Count(d => d.Allowed));
            Assert.Equal(Enumerable.Range(0, 7).Reverse(), decisions.Where(d => d.Allowed).Select(d => d.Remaining).Order().Reverse());
        }
    }

    [Theory, InMemory, OnRedis]
    public async Task Keys_HaveWindowsOfTheirOwn(RateLimitBackend backend)
    {
        await using var limiter = await TestRateLimitStore.OpenAsync(backend);
        var busy = UniqueName.For("busy");
        var quiet = UniqueName.For("quiet");
        await limiter.Store.HitAsync(busy, 1, Window);

        Assert.False((await limiter.Store.HitAsync(busy, 1, Window)).Allowed);
        Assert.Equal((true, 0), Decision(await limiter.Store.HitAsync(quiet, 1, Window)));
    }

    [Theory, InMemory, OnRedis]
    public async Task Release_GivesOneCountedHitBack(RateLimitBackend backend)
    {
        await using var limiter = await TestRateLimitStore.OpenAsync(backend);
        var key = UniqueName.For("released");
        await limiter.Store.HitAsync(key, 2, Window);
        await limiter.Store.HitAsync(key, 2, Window);

        await limiter.Store.ReleaseAsync(key);

        Assert.Equal((true, 0), Decision(await limiter.Store.HitAsync(key, 2, Window)));
        Assert.False((await limiter.Store.HitAsync(key, 2, Window)).Allowed);
    }

    [Theory, InMemory, OnRedis]
    public async Task Reset_EndsTheWindow_SoTheNextHitOpensANewOne(RateLimitBackend backend)
    {
        await using var limiter = await TestRateLimitStore.OpenAsync(backend);
        var key = UniqueName.For("reset");
        await limiter.Store.HitAsync(key, 1, Window);
        Assert.False((await limiter.Store.HitAsync(key, 1, Window)).Allowed);

        await limiter.Store.ResetAsync(key);
        await limiter.Store.ResetAsync(UniqueName.For("never-hit"));

        Assert.Equal((true, 0), Decision(await limiter.Store.HitAsync(key, 1, Window)));
    }

    private static (bool Allowed, int Remaining) Decision(RateLimitDecision decision) => (decision.Allowed, decision.Remaining);
}
