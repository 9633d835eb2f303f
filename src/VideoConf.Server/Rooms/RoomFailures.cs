using VideoConf.Server.Outcomes;

namespace VideoConf.Server.Rooms;

/// <summary>The refusals of the room actions, as Rocket.Chat words them.</summary>
internal static class RoomFailures
{
    public static Failure RoomNotFound(string noun) =>
        Failure.WithReason($"The required \"roomId\" or \"roomName\" param provided does not match any {noun}", "error-room-not-found");

    public static readonly Failure InvalidUser = Failure.WithReason("Invalid user", "error-invalid-user");

    public static Failure InvalidRoomName(string name) => Failure.WithReason($"{name} is not a valid room name", "error-invalid-room-name");

    public static Failure DuplicateName(string name) => Failure.WithReason($"A channel with name '{name}' exists", "error-duplicate-channel-name");

    public static readonly Failure UserNotInRoom = Failure.WithReason("User is not in this room", "error-user-not-in-room");

    /// <summary>The message is unknown or in a room the caller may not see.</summary>
    public static readonly Failure MessageNotAllowed = Failure.Plain("error-not-allowed");
}
