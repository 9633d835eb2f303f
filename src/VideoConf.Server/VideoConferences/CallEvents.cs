using VideoConf.Server.Events;
using VideoConf.Server.Storage;

namespace VideoConf.Server.VideoConferences;

/// <summary>
/// Announces what happened to a call, once it is stored, on the <see cref="EventHub"/>: the metrics count it
/// (<see cref="Operations.CallMetrics"/>), other instances hear of it, and subscribers such as the realtime API
/// can follow it. Publishing returns at once; the request never waits for a subscriber.
/// </summary>
internal sealed class CallEvents(EventHub events)
{
    public void Started(CallRecord call) => events.Publish(CallChanged.Of(call, CallChange.Started));

    public void Joined(CallRecord call) => events.Publish(CallChanged.Of(call, CallChange.Joined));

    /// <summary>A call changed state (cancelled, timed out, expired): an end, or a move within the call.</summary>
    public void Changed(CallRecord call) => events.Publish(CallChanged.Of(call, call.IsEnded ? CallChange.Ended : CallChange.Updated));
}
