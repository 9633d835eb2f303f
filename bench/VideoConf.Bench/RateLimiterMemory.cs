using System.Globalization;
using VideoConf.Server.RateLimiting;

namespace VideoConf.Bench;

/// <summary>P7: managed memory held by the in-memory limiter for N distinct client keys, and after reclamation.</summary>
internal static class RateLimiterMemory
{
    public static async Task<int> RunAsync(string[] args)
    {
        var result = await MeasureAsync(args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"keys={result.Keys} extra_mb={result.HeldMb:F1} after_sweep_windows={result.WindowsAfterSweep} after_sweep_extra_mb={result.AfterSweepMb:F1}"));
        return 0;
    }

    public static async Task<LimiterMemory> MeasureAsync(int keys)
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        var store = new InMemoryRateLimitStore(time);
        var before = Settle();
        for (var i = 0; i < keys; i++)
        {
            // The same key shape the gate builds: address, method, route.
            await store.HitAsync($"ip:10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}|GET|video-conference.list", 3, TimeSpan.FromSeconds(1));
        }
        var held = Settle();
        time.Advance(TimeSpan.FromSeconds(2));
        store.Sweep();
        var reclaimed = Settle();
        return new LimiterMemory(keys, (held - before) / 1048576.0, store.Count, (reclaimed - before) / 1048576.0);
    }

    public sealed record LimiterMemory(int Keys, double HeldMb, int WindowsAfterSweep, double AfterSweepMb);

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
