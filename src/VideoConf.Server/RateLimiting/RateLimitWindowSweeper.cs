namespace VideoConf.Server.RateLimiting;

/// <summary>
/// Reclaims the ended windows of the <see cref="InMemoryRateLimitStore"/> every <see cref="Interval"/>, counted from
/// the end of the previous sweep. It runs with Redis too, whose fallback windows are the same store.
/// </summary>
internal sealed class RateLimitWindowSweeper(InMemoryRateLimitStore store, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Interval, time, stoppingToken);
                store.Sweep();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
