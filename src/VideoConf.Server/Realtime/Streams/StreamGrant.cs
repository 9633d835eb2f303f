using VideoConf.Server.Realtime.Protocol;

namespace VideoConf.Server.Realtime.Streams;

/// <summary>
/// A stream's answer to a subscription: granted (with the room the right rests on, re-checked when the user loses
/// access to it), or refused with the error for <c>nosub</c>.
/// </summary>
internal sealed record StreamGrant(MeteorError? Refusal, string? RoomId)
{
    public static StreamGrant Granted(string? roomId = null) => new(null, roomId);

    public static StreamGrant Refused(MeteorError error) => new(error, null);

    public static readonly StreamGrant NotAllowed = Refused(MeteorError.NotAllowed);

    public static readonly StreamGrant InvalidEventName = Refused(MeteorError.InvalidEventName);
}
