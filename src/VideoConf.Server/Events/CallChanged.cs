using VideoConf.Server.Storage;

namespace VideoConf.Server.Events;

/// <summary>
/// A call changed. It carries what a subscriber needs to route the event without reading the store: the call, its
/// room, what happened, the call's type and status afterwards, and its <see cref="UpdatedAt"/>, which only grows
/// with each change of the call, so a subscriber can keep a call's events in order.
/// </summary>
internal sealed record CallChanged(string CallId, string RoomId, CallChange Change, string Type, int Status, DateTime UpdatedAt) : ServerEvent
{
    /// <summary>The event for <paramref name="call"/> as stored after the change.</summary>
    public static CallChanged Of(CallRecord call, CallChange change) =>
        new(call.Id, call.RoomId, change, call.Type, call.Status, call.UpdatedAt);
}
