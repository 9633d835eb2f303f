using VideoConf.Server.Events;
using VideoConf.Server.Realtime.Streams;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Realtime.Fanout;

/// <summary>
/// A call changed: <c>stream-notify-room &lt;rid&gt;/videoconf</c> and <c>stream-video-conference
/// &lt;callId&gt;/updated</c>, both with the call's id, after every change (start, join, status change, end); and the
/// server's <c>ring</c>/<c>join</c>/<c>end</c> user actions, for which the call is read from the store (here, never on
/// the request). Every instance does this for its own connections from the call events it receives, which arrive in
/// each call's order, and reads the call only when someone on it listens to a user stream.
/// </summary>
internal sealed class CallEventFanout(StreamPublisher publisher, ICallStore calls, IRoomStore rooms)
{
    /// <summary>Group calls ring at most ten members, so no more than that (and the creator) are read.</summary>
    private const int RingableMembers = 11;

    public async Task HandleAsync(CallChanged change, CancellationToken cancellationToken)
    {
        publisher.PublishId(StreamNames.NotifyRoom, StreamNames.RoomVideoconf(change.RoomId), change.CallId);
        publisher.PublishId(StreamNames.VideoConference, StreamNames.CallUpdated(change.CallId), change.CallId);
        if (!ServerCallActions.MayAct(change) || !publisher.AnyListen(StreamNames.NotifyUser))
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
        foreach (var action in ServerCallActions.For(change, call, members))
        {
            action.Publish(publisher);
        }
    }

    /// <summary>The ringing time of a direct call passed: <c>end</c> to the creator and to the callee unless they joined.</summary>
    public async Task HandleAsync(RingingTimedOut timedOut, CancellationToken cancellationToken)
    {
        if (!publisher.AnyListen(StreamNames.NotifyUser) || await calls.FindByIdAsync(timedOut.CallId, cancellationToken) is not { } call)
        {
            return;
        }
        foreach (var action in ServerCallActions.Ends(call))
        {
            action.Publish(publisher);
        }
    }
}
