using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Rooms;

/// <summary>Shared steps and expected bodies for the room tests (names are unique so tests can share one server).</summary>
internal static partial class RoomScenario
{
    /// <summary>A name unique to this test run, valid as a username and as a room name.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 11)];

    /// <summary>The contract's date format: ISO-8601 UTC with milliseconds.</summary>
    public static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Creates a channel (<c>channels</c>) or group (<c>groups</c>) and returns the room object of the answer.</summary>
    public static async Task<JsonNode> CreateRoomAsync(ApiClient client, string prefix, string name, params string[] members)
    {
        var response = await client.PostAsync($"{prefix}.create", new { name, members });
        response.AssertOk();
        return response.Json[prefix == "channels" ? "channel" : "group"]!;
    }

    public static async Task<JsonNode> CreateDirectAsync(ApiClient client, string username)
    {
        var response = await client.PostAsync("im.create", new { username });
        response.AssertOk();
        return response.Json["room"]!;
    }

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

    public static string Id(JsonNode node) => node["_id"]!.GetValue<string>();

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

    public const string RoomNotAllowedJson = """{"success":false,"error":"not-allowed","errorType":"Not Allowed"}""";

    public const string ForbiddenJson = """{"success":false,"error":"unauthorized"}""";

    public static string Quote(string value) => JsonSerializer.Serialize(value);

    /// <summary>True for a 17-character id from Meteor's alphabet.</summary>
    public static bool IsRandomId(string? value) => value is not null && RandomId().IsMatch(value);

    [GeneratedRegex("^[23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz]{17}$")]
    private static partial Regex RandomId();
}
