using VideoConf.Server.Events;
using VideoConf.Server.Realtime.Streams;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Realtime.Fanout;

/// <summary>
/// A call changed: <c>stream-notify-room &lt;rid&gt;/videoconf</c> and <c>stream-video-conference
/// &lt;callId&gt;/updated</c>, both with the call's id, after every change (start, join, status change, end). On the
/// instance where the change happened, it also reads the call (here, never on the request) to send the server's
/// <c>ring</c>/<c>join</c>/<c>end</c> user actions, which then reach every instance as <see cref="RealtimeEmitted"/>.
/// </summary>
internal sealed class CallEventFanout(StreamPublisher publisher, ICallStore calls, IRoomStore rooms, EventHub events)
{
    /// <summary>Group calls ring at most this many members, so no more are read.</summary>
    private const int RingableMembers = 11;

    public async Task HandleAsync(CallChanged change, EventOrigin origin, CancellationToken cancellationToken)
    {
        publisher.PublishId(StreamNames.NotifyRoom, StreamNames.RoomVideoconf(change.RoomId), change.CallId);
        publisher.PublishId(StreamNames.VideoConference, StreamNames.CallUpdated(change.CallId), change.CallId);
        if (origin != EventOrigin.Local || !ServerCallActions.MayAct(change))
        {
            return;
        }
        var call = await calls.FindByIdAsync(change.CallId, cancellationToken);
        if (call is null)
        {
            return;
        }
        var members = ServerCallActions.NeedsMembers(change) && call.Ringing == true
            ? await rooms.FindMemberIdsAsync(call.RoomId, RingableMembers, cancellationToken)
            : [];
        VideoConferenceAction.PublishAll(events, ServerCallActions.For(change, call, members));
    }
}
