namespace VideoConf.Server.Storage;

/// <summary>A user account as stored. <see cref="PasswordHash"/> is bcrypt of the password's SHA-256 hex.</summary>
public sealed record UserRecord(
    string Id,
    string Username,
    string Name,
    string? Email,
    bool EmailVerified,
    string? PasswordHash,
    IReadOnlyList<string> Roles,
    bool Active,
    string Status,
    string? AvatarETag,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public string Type => Roles.Contains("bot") ? "bot" : "user";
}

/// <summary>A stored session or personal access token: only the SHA-256 of the token, base64.</summary>
public sealed record LoginTokenRecord(string HashedToken, string UserId, string Kind, string? Name, DateTime CreatedAt)
{
    public const string LoginKind = "login";
    public const string PersonalKind = "personalAccessToken";
}

/// <summary>One page of a room list and the number of rooms on all pages.</summary>
public sealed record RoomPage(IReadOnlyList<RoomRecord> Rooms, long Total);

/// <summary>A room: <c>c</c> public channel, <c>p</c> private group, <c>d</c> direct message.</summary>
public sealed record RoomRecord(
    string Id,
    string Type,
    string? Name,
    string? FName,
    string? OwnerId,
    string? OwnerUsername,
    long Msgs,
    int UsersCount,
    bool ReadOnly,
    IReadOnlyList<string>? Uids,
    IReadOnlyList<string>? Usernames,
    DateTime Ts,
    DateTime UpdatedAt);

/// <summary>Membership of one user in one room, with the room roles (<c>owner</c>, <c>moderator</c>) held there.</summary>
public sealed record SubscriptionRecord(
    string Id,
    string RoomId,
    string UserId,
    string Username,
    string RoomType,
    string? Name,
    string? FName,
    IReadOnlyList<string> Roles,
    bool Open,
    bool Alert,
    DateTime Ts,
    DateTime UpdatedAt);

/// <summary>A chat message; <see cref="BlocksJson"/> holds the message's UI blocks as JSON text.</summary>
public sealed record MessageRecord(
    string Id,
    string RoomId,
    string? Type,
    string Msg,
    string UserId,
    string Username,
    string Name,
    string? BlocksJson,
    DateTime Ts,
    DateTime UpdatedAt);
