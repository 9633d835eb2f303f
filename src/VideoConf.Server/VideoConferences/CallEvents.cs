using VideoConf.Server.Cluster;
using VideoConf.Server.Operations;
using VideoConf.Server.Storage;

namespace VideoConf.Server.VideoConferences;

/// <summary>What happens after a call moved: it is counted, and the other instances are told.</summary>
internal sealed class CallEvents(IClusterBus bus, VideoConfMetrics metrics)
{
    public Task StartedAsync(CallRecord call, CancellationToken cancellationToken)
    {
        metrics.CallStarted(call.Type);
        return bus.PublishAsync(new ClusterEvent(ClusterEvents.CallChanged, call.Id), cancellationToken);
    }

    public Task JoinedAsync<T>(CallChangeResult<T> result, CancellationToken cancellationToken)
    {
        metrics.CallJoined();
        return ChangedAsync(result.Call, cancellationToken, countEnd: false);
    }

    /// <summary>A call changed state (cancelled, timed out, expired); an end is counted once, by the instance that made it.</summary>
    public Task ChangedAsync(CallRecord call, CancellationToken cancellationToken, bool countEnd = true)
    {
        if (countEnd && call.IsEnded)
        {
            metrics.CallEnded(call.Status);
        }
        return bus.PublishAsync(new ClusterEvent(ClusterEvents.CallChanged, call.Id), cancellationToken);
    }
}
