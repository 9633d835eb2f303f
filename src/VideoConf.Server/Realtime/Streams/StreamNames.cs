namespace VideoConf.Server.Realtime.Streams;

/// <summary>The streams the realtime API serves and the event names the server sends on them.</summary>
internal static class StreamNames
{
    public const string NotifyRoom = "stream-notify-room";
    public const string NotifyUser = "stream-notify-user";
    public const string RoomMessages = "stream-room-messages";
    public const string VideoConference = "stream-video-conference";

    /// <summary><c>stream-room-messages</c>' event for the messages of every room the user is in.</summary>
    public const string MyMessages = "__my_messages__";

    public static string RoomVideoconf(string roomId) => $"{roomId}/videoconf";

    public static string UserVideoConference(string userId) => $"{userId}/video-conference";

    public static string CallUpdated(string callId) => $"{callId}/updated";

    /// <summary>Splits <c>&lt;id&gt;/&lt;event&gt;</c>; false unless both parts are there.</summary>
    public static bool TrySplit(string eventName, out string id, out string name)
    {
        var slash = eventName.IndexOf('/', StringComparison.Ordinal);
        id = slash > 0 ? eventName[..slash] : string.Empty;
        name = slash > 0 ? eventName[(slash + 1)..] : string.Empty;
        return id.Length > 0 && name.Length > 0;
    }
}
