namespace VideoConf.Server.Events;

/// <summary>
/// The user's membership of the room ended (today: <c>channels.kick</c>/<c>groups.kick</c>, by
/// <see cref="Rooms.RoomMembership"/>); one event per user, also when a room goes away. In a public channel the user
/// may still read through the public-channel rule, so a subscriber re-checks <see cref="Rooms.RoomAccess"/> rather
/// than assume the access is gone.
/// </summary>
internal sealed record RoomAccessRemoved(string RoomId, string UserId) : ServerEvent;
