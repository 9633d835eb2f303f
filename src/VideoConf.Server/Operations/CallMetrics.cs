using VideoConf.Server.Events;

namespace VideoConf.Server.Operations;

/// <summary>
/// Counts calls started, joined and ended from this instance's own call events, so each call is counted once, by
/// the instance that made the change, however many instances hear of it.
/// </summary>
internal sealed class CallMetrics(EventHub events, VideoConfMetrics metrics) : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = events.Subscribe<CallChanged>(nameof(CallMetrics), CountAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _subscription = null;
    }

    private Task CountAsync(CallChanged changed, EventOrigin origin)
    {
        if (origin == EventOrigin.Local)
        {
            switch (changed.Change)
            {
                case CallChange.Started:
                    metrics.CallStarted(changed.Type);
                    break;
                case CallChange.Joined:
                    metrics.CallJoined();
                    break;
                case CallChange.Ended:
                    metrics.CallEnded(changed.Status);
                    break;
            }
        }
        return Task.CompletedTask;
    }
}
