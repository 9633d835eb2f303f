using VideoConf.Server.Accounts;
using VideoConf.Server.Http;

namespace VideoConf.Server.Rooms;

/// <summary>What differs between <c>channels.*</c> (public, <c>c</c>) and <c>groups.*</c> (private, <c>p</c>).</summary>
internal sealed record RoomKind(string RoutePrefix, string Type, string ResponseKey, string NotFoundNoun, string CreatePermission)
{
    public static readonly RoomKind Channel = new("channels", "c", "channel", "channel", Permissions.CreateChannel);
    public static readonly RoomKind Group = new("groups", "p", "group", "group", Permissions.CreateGroup);

    public bool IsPrivate => Type == "p";

    /// <summary>Rooms of the other kind, unknown rooms and (for groups) rooms the caller is not in all get this answer.</summary>
    public IResult RoomNotFound => ApiResults.DomainError(RoomNotFoundReason, RoomNotFoundCode);

    public string RoomNotFoundReason => $"The required \"roomId\" or \"roomName\" param provided does not match any {NotFoundNoun}";

    public const string RoomNotFoundCode = "error-room-not-found";
}
