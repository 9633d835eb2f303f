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
    /// <summary>A call was stored with its start message: the call first, then the message posted in its room.</summary>
    public void Started(CallRecord call, MessageRecord startMessage)
    {
        events.Publish(CallChanged.Of(call, CallChange.Started));
        events.Publish(new MessagePosted(startMessage));
    }

    public void Joined(CallRecord call) => events.Publish(CallChanged.Of(call, CallChange.Joined));

    /// <summary>A call changed state (cancelled, timed out, expired): an end, or a move within the call.</summary>
    public void Changed(CallRecord call) => events.Publish(CallChanged.Of(call, call.IsEnded ? CallChange.Ended : CallChange.Updated));

    /// <summary>The ringing time of a direct call is over (see <see cref="Events.RingingTimedOut"/>).</summary>
    public void RingingTimedOut(CallRecord call) => events.Publish(new RingingTimedOut(call.Id, call.RoomId));
}
