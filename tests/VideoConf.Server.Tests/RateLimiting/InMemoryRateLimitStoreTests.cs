using Microsoft.Extensions.Time.Testing;
using VideoConf.Server.RateLimiting;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.RateLimiting;

public sealed class InMemoryRateLimitStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Window_OpensAtTheFirstRequest_AndANewOneOpensAfterItEnds()
    {
        var store = new InMemoryRateLimitStore(_time);
        var first = await store.HitAsync("k", 2, TimeSpan.FromSeconds(1));
        Assert.Equal(new RateLimitDecision(true, 1, _time.GetUtcNow().AddSeconds(1)), first);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.True((await store.HitAsync("k", 2, TimeSpan.FromSeconds(1))).Allowed);
        Assert.False((await store.HitAsync("k", 2, TimeSpan.FromSeconds(1))).Allowed);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var reopened = await store.HitAsync("k", 2, TimeSpan.FromSeconds(1));
        Assert.Equal(new RateLimitDecision(true, 1, _time.GetUtcNow().AddSeconds(1)), reopened);
    }

    [Fact]
    public async Task ParallelHits_AdmitExactlyTheLimit()
    {
        var store = new InMemoryRateLimitStore(_time);
        var decisions = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(async () => await store.HitAsync("same", 3, TimeSpan.FromMinutes(1)))));
        Assert.Equal(3, decisions.Count(d => d.Allowed));
    }

    [Fact]
    public async Task ExpiredWindows_AreReclaimedBySweep_AndLiveOnesKept()
    {
        var store = new InMemoryRateLimitStore(_time);
        using var sweeper = new RateLimitWindowSweeper(store, _time);
        await sweeper.StartAsync(CancellationToken.None);
        for (var i = 0; i < 100_000; i++)
        {
            await store.HitAsync($"client-{i}", 3, TimeSpan.FromSeconds(1));
        }
        await store.HitAsync("long-lived", 3, TimeSpan.FromMinutes(10));
        Assert.Equal(100_001, store.Count);

        _time.Advance(RateLimitWindowSweeper.Interval);

        // The sweep runs on its own loop after the clock moved; give it a bounded time to finish.
        await Eventually.HoldsAsync(() => Task.FromResult(store.Count), count => count == 1, "the sweep reclaiming the ended windows");
        Assert.False((await store.HitAsync("long-lived", 1, TimeSpan.FromMinutes(10))).Allowed);
        await sweeper.StopAsync(CancellationToken.None);
    }
}
