namespace VideoConf.Server.Realtime.Sessions;

/// <summary>
/// One live subscription of a session: its id, the stream and event name it listens to, and what its right to
/// read rests on (a room, the user), so a kick or a logout finds the subscriptions it ends.
/// </summary>
internal sealed record StreamSubscription(string Id, string Stream, string EventName, string? RoomId, string UserId);
