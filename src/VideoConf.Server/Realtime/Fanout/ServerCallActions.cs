using VideoConf.Server.Events;
using VideoConf.Server.Realtime.Protocol;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Realtime.Fanout;

/// <summary>
/// Which <c>ring</c>, <c>join</c> and <c>end</c> actions a call change means (contract §9.4), as pure functions of
/// the call as stored and the change.
/// </summary>
internal static class ServerCallActions
{
    /// <summary>
    /// A group call started ringing: <c>ring</c> to every member but its creator. A joiner of a ringing direct call:
    /// <c>join</c> to the caller, and to the joiner too when it is the callee. A direct call that ended: <c>end</c> to
    /// the creator and to the callee unless they joined.
    /// </summary>
    public static IEnumerable<VideoConferenceAction> For(CallChanged change, CallRecord call, IReadOnlyList<string> roomMemberIds) => change.Change switch
    {
        CallChange.Started when call.Type == CallType.Conference && call.Ringing == true =>
            roomMemberIds.Where(id => id != call.CreatedBy.Id).Select(id => new VideoConferenceAction(id, VideoConferenceAction.Ring, call.Id, call.CreatedBy.Id, call.RoomId)),
        CallChange.Joined when call.Type == CallType.Direct => Joined(change, call),
        CallChange.Ended when call.Type == CallType.Direct => Ends(call),
        _ => [],
    };

    /// <summary><c>end</c> to the creator and every member of the direct call who did not join.</summary>
    public static IEnumerable<VideoConferenceAction> Ends(CallRecord call)
    {
        yield return new VideoConferenceAction(call.CreatedBy.Id, VideoConferenceAction.End, call.Id, call.CreatedBy.Id, call.RoomId);
        if (call.CalleeId is { } callee && callee != call.CreatedBy.Id && !call.Users.Any(u => u.Id == callee))
        {
            yield return new VideoConferenceAction(callee, VideoConferenceAction.End, call.Id, call.CreatedBy.Id, call.RoomId);
        }
    }

    /// <summary>True when the change needs the room's members (to know whom a group call rings).</summary>
    public static bool NeedsMembers(CallChanged change) => change.Change == CallChange.Started && change.Type == CallType.Conference;

    /// <summary>True when the change may mean an action at all (the call is read from the store only then).</summary>
    public static bool MayAct(CallChanged change) => NeedsMembers(change)
        || (change.Type == CallType.Direct && change.Change is CallChange.Joined or CallChange.Ended);

    private static IEnumerable<VideoConferenceAction> Joined(CallChanged change, CallRecord call)
    {
        // The joiner is the user added by this very change: their join time is the change's time. A join of the
        // callee always answers the ringing; a join of the caller counts while the call still rings.
        var joiner = call.Users.FirstOrDefault(u => Ejson.Milliseconds(u.Ts) == Ejson.Milliseconds(change.UpdatedAt));
        if (joiner is null)
        {
            yield break;
        }
        var isCallee = joiner.Id == call.CalleeId;
        if (!isCallee && !(joiner.Id == call.CreatedBy.Id && change.Status == CallStatus.Calling))
        {
            yield break;
        }
        yield return new VideoConferenceAction(call.CreatedBy.Id, VideoConferenceAction.Join, call.Id, joiner.Id, call.RoomId);
        if (isCallee)
        {
            yield return new VideoConferenceAction(joiner.Id, VideoConferenceAction.Join, call.Id, joiner.Id, call.RoomId);
        }
    }
}
