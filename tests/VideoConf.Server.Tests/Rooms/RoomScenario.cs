using System.Text.Json;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Rooms;

/// <summary>Steps and expected bodies of the room tests (§3); rooms themselves are created with <see cref="TestRooms"/>.</summary>
internal static class RoomScenario
{
    public static Task<ApiResponse> InfoAsync(ApiClient client, string roomId) =>
        client.GetAsync($"rooms.info?roomId={Uri.EscapeDataString(roomId)}");

    public static Task<ApiResponse> SubscriptionAsync(ApiClient client, string roomId) =>
        client.GetAsync($"subscriptions.getOne?roomId={Uri.EscapeDataString(roomId)}");

    /// <summary>The room's <c>usersCount</c> as a member (or anyone with access) sees it.</summary>
    public static async Task<int> UsersCountAsync(ApiClient member, string roomId)
    {
        var info = await InfoAsync(member, roomId);
        info.AssertOk();
        return info.Json["room"]!["usersCount"]!.GetValue<int>();
    }

    /// <summary>The room object of the contract, in its key order, as JSON text.</summary>
    public static string RoomJson(string id, string type, string name, ApiClient owner, long msgs, int usersCount, bool ro, string ts, string updatedAt) =>
        $$"""
        {"_id":{{Quote(id)}},"t":{{Quote(type)}},"name":{{Quote(name)}},"fname":{{Quote(name)}},"u":{"_id":{{Quote(owner.UserId!)}},"username":{{Quote(owner.Username!)}}},"msgs":{{msgs}},"usersCount":{{usersCount}},"ro":{{(ro ? "true" : "false")}},"ts":{{Quote(ts)}},"_updatedAt":{{Quote(updatedAt)}}}
        """;

    /// <summary>The answer of <c>channels.*</c> (noun <c>channel</c>) or <c>groups.*</c> (noun <c>group</c>) for a room that is unknown to the caller.</summary>
    public static string RoomNotFoundJson(string noun) =>
        $$"""
        {"success":false,"error":"The required \"roomId\" or \"roomName\" param provided does not match any {{noun}} [error-room-not-found]","errorType":"error-room-not-found"}
        """;

    public static string Quote(string value) => JsonSerializer.Serialize(value);
}
