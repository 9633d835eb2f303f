using VideoConf.Server.Settings;
using VideoConf.Server.Storage;

namespace VideoConf.Server.VideoConferences;

/// <summary>
/// Moves calls on when time runs out: ringing calls past their stored deadline (checked twice a second, so a call
/// is declined within a second of falling due, also after a restart) and calls open longer than
/// <c>VideoConf_Expiration_Hours</c> (swept every minute). Every move is a conditional update through
/// <see cref="CallLifecycle"/>, so several instances can sweep at once and each call still moves once. After each
/// ringing sweep, the direct calls whose ringing time is over are announced (<see cref="Events.RingingTimedOut"/>),
/// each by the one instance that claims its stored marker.
/// </summary>
internal sealed partial class CallTimekeeper(ICallStore calls, SettingsService settings, CallEvents events, TimeProvider time, ILogger<CallTimekeeper> logger)
    : BackgroundService
{
    public static readonly TimeSpan RingingInterval = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan ExpiryInterval = TimeSpan.FromMinutes(1);
    private const int BatchSize = 200;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            RunEveryAsync(RingingInterval, async ct => await TimeOutRingingAsync(ct) + await AnnounceRingingTimeoutsAsync(ct), stoppingToken),
            RunEveryAsync(ExpiryInterval, ExpireAsync, stoppingToken));

    /// <summary>Declines or silences every call whose ringing time is over; returns how many moved.</summary>
    public async Task<int> TimeOutRingingAsync(CancellationToken cancellationToken)
    {
        var moved = 0;
        while (true)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var due = await calls.FindRingingDueAsync(now, BatchSize, cancellationToken);
            foreach (var id in due)
            {
                var result = await calls.UpdateAsync(id, c => CallLifecycle.RingingTimeout(c, now), cancellationToken);
                moved += Note(result);
            }
            if (due.Count < BatchSize)
            {
                return moved;
            }
        }
    }

    /// <summary>
    /// Announces every direct call whose ringing time is over, whatever its state; returns how many this instance
    /// announced. The call is declined first if it still rings (by whichever instance gets there), so the
    /// announcement never precedes the stored decline; then the marker is claimed, which only one instance can do.
    /// </summary>
    public async Task<int> AnnounceRingingTimeoutsAsync(CancellationToken cancellationToken)
    {
        var announced = 0;
        while (true)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var due = await calls.FindRingingTimeoutsDueAsync(now, BatchSize, cancellationToken);
            foreach (var id in due)
            {
                var result = await calls.UpdateAsync(id, c => CallLifecycle.RingingTimeout(c, now), cancellationToken);
                Note(result);
                if (result is not null && await calls.ClaimRingingTimeoutAsync(id, now, cancellationToken))
                {
                    events.RingingTimedOut(result.Call);
                    announced++;
                }
            }
            if (due.Count < BatchSize)
            {
                return announced;
            }
        }
    }

    /// <summary>Expires every call open longer than the configured lifetime; returns how many moved.</summary>
    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var moved = 0;
        var lifetime = TimeSpan.FromHours(Math.Max(1, settings.GetInt(SettingIds.VideoConfExpirationHours)));
        while (true)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var due = await calls.FindUnendedCreatedBeforeAsync(now - lifetime, BatchSize, cancellationToken);
            foreach (var id in due)
            {
                var result = await calls.UpdateAsync(id, c => CallLifecycle.Expire(c, lifetime, now), cancellationToken);
                moved += Note(result);
            }
            if (due.Count < BatchSize)
            {
                return moved;
            }
        }
    }

    private int Note<T>(CallChangeResult<T>? result)
    {
        if (result is not { Changed: true })
        {
            return 0;
        }
        events.Changed(result.Call);
        return 1;
    }

    /// <summary>
    /// Sweeps every period. The next wait is armed before each sweep, so time that passes during a sweep is not
    /// lost; after a long pause (or a jump of the clock) this sweeps once rather than once per missed period.
    /// </summary>
    private async Task RunEveryAsync(TimeSpan period, Func<CancellationToken, Task<int>> sweep, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = Task.Delay(period, time, stoppingToken);
            try
            {
                await sweep(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, ex);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await next;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Error, Message = "A call timekeeping sweep failed; it will run again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
