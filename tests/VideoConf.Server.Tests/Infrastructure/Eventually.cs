namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// Waits for what the server (or another instance) does in the background, by polling within a generous bound: a
/// wait, never a measurement. The bound only decides when a test gives up.
/// </summary>
public static class Eventually
{
    /// <summary>The longest a test waits for something that should happen soon.</summary>
    public static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Polls <paramref name="probe"/> until <paramref name="done"/> holds and returns that value; fails the test with
    /// <paramref name="what"/> and the last value seen when it does not hold within the bound.
    /// </summary>
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? bound = null)
    {
        var last = await PollAsync(probe, done, bound ?? DefaultBound);
        return done(last)
            ? last
            : throw new Xunit.Sdk.XunitException($"{what} did not happen within {(bound ?? DefaultBound).TotalSeconds} s; last: {Describe(last)}");
    }

    /// <summary>
    /// Polls until <paramref name="done"/> holds or <paramref name="bound"/> has passed, and returns the last value
    /// either way, for tests that count how often something did not settle instead of failing at once.
    /// </summary>
    public static async Task<T> PollAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        var last = await probe();
        while (!done(last) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(PollInterval);
            last = await probe();
        }
        return last;
    }

    private static string Describe<T>(T value) => value switch
    {
        System.Text.Json.Nodes.JsonNode node => node.ToJsonString(),
        System.Collections.IEnumerable items and not string => $"[{string.Join(", ", items.Cast<object?>())}]",
        _ => value?.ToString() ?? "null",
    };
}
