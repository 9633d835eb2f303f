using VideoConf.Server.Accounts;
using VideoConf.Server.Outcomes;

namespace VideoConf.Server.Rooms;

/// <summary>
/// One of the two route families for named rooms, <c>channels.*</c> (public channels) and <c>groups.*</c> (private
/// groups): the same actions, with the room type, answer key, wording and permission that differ between them.
/// </summary>
internal sealed record RoomRouteFamily(string RoutePrefix, string RoomType, string ResponseKey, string Noun, string CreatePermission)
{
    public static readonly RoomRouteFamily Channels = new("channels", RoomTypes.Channel, "channel", "channel", Permissions.CreateChannel);

    public static readonly RoomRouteFamily Groups = new("groups", RoomTypes.Group, "group", "group", Permissions.CreateGroup);

    public bool IsPrivate => RoomType == RoomTypes.Group;

    /// <summary>Rooms of the other family, unknown rooms and (for groups) rooms the caller is not in all get this answer.</summary>
    public Failure RoomNotFound => RoomFailures.RoomNotFound(Noun);
}
