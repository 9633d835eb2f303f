using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Rooms;

internal sealed record UserRefDto([property: JsonPropertyName("_id")] string Id, string Username);

/// <summary>A room as the API shows it; <c>rid</c>, <c>uids</c> and <c>usernames</c> appear on direct rooms only.</summary>
internal sealed record RoomDto(
    [property: JsonPropertyName("_id")] string Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Rid,
    string T,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Fname,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] UserRefDto? U,
    long Msgs,
    int UsersCount,
    bool Ro,
    DateTime Ts,
    [property: JsonPropertyName("_updatedAt")] DateTime UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Uids,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Usernames)
{
    public static RoomDto From(RoomRecord room) => new(
        room.Id,
        room.Type == RoomTypes.Direct ? room.Id : null,
        room.Type,
        room.Name,
        room.FName,
        room.OwnerId is null ? null : new UserRefDto(room.OwnerId, room.OwnerUsername ?? string.Empty),
        room.Msgs,
        room.UsersCount,
        room.ReadOnly,
        room.Ts,
        room.UpdatedAt,
        room.Uids,
        room.Usernames);
}

/// <summary>
/// A subscription as the API shows it. <c>unread</c>, <c>userMentions</c> and <c>groupMentions</c> are required by
/// Rocket.Chat's published <c>ISubscription</c> schema; VideoConf keeps no unread counts, so they are always 0.
/// </summary>
internal sealed record SubscriptionDto(
    [property: JsonPropertyName("_id")] string Id,
    string Rid,
    UserRefDto U,
    string T,
    string? Name,
    string? Fname,
    IReadOnlyList<string> Roles,
    bool Open,
    bool Alert,
    DateTime Ts,
    [property: JsonPropertyName("_updatedAt")] DateTime UpdatedAt,
    int Unread = 0,
    int UserMentions = 0,
    int GroupMentions = 0)
{
    public static SubscriptionDto From(SubscriptionRecord s) =>
        new(s.Id, s.RoomId, new UserRefDto(s.UserId, s.Username), s.RoomType, s.Name, s.FName, s.Roles, s.Open, s.Alert, s.Ts, s.UpdatedAt);
}

internal sealed record MessageUserDto([property: JsonPropertyName("_id")] string Id, string Username, string Name);

internal sealed record MessageDto(
    [property: JsonPropertyName("_id")] string Id,
    string Rid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? T,
    string Msg,
    MessageUserDto U,
    DateTime Ts,
    [property: JsonPropertyName("_updatedAt")] DateTime UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonNode? Blocks)
{
    public static MessageDto From(MessageRecord m) => new(
        m.Id, m.RoomId, m.Type, m.Msg, new MessageUserDto(m.UserId, m.Username, m.Name), m.Ts, m.UpdatedAt,
        m.BlocksJson is null ? null : JsonNode.Parse(m.BlocksJson));
}
