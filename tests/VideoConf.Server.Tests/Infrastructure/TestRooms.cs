using System.Text.Json.Nodes;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>Rooms a test needs, created through the API by their owner (contract §3).</summary>
public static class TestRooms
{
    /// <summary>
    /// Creates a channel (<paramref name="family"/> <c>channels</c>) or group (<c>groups</c>) with these members and
    /// returns the room object of the answer.
    /// </summary>
    public static async Task<JsonNode> CreateRoomAsync(this ApiClient owner, string family, string name, params string[] members)
    {
        var response = await owner.PostAsync($"{family}.create", new { name, members });
        response.AssertOk();
        return response.Json[family == "channels" ? "channel" : "group"]!;
    }

    /// <summary>Creates a public channel with a unique name; returns its id.</summary>
    public static async Task<string> CreateChannelAsync(this ApiClient owner, params ApiClient[] members) =>
        Id(await owner.CreateRoomAsync("channels", UniqueName.For("room"), Usernames(members)));

    /// <summary>Creates a private group with a unique name; returns its id.</summary>
    public static async Task<string> CreateGroupAsync(this ApiClient owner, params ApiClient[] members) =>
        Id(await owner.CreateRoomAsync("groups", UniqueName.For("room"), Usernames(members)));

    /// <summary>Creates a read-only public channel (only its owner may post); returns its id.</summary>
    public static async Task<string> CreateReadOnlyChannelAsync(this ApiClient owner, params ApiClient[] members)
    {
        var response = await owner.PostAsync("channels.create", new { name = UniqueName.For("room"), members = Usernames(members), readOnly = true });
        response.AssertOk();
        return Id(response.Json["channel"]!);
    }

    /// <summary>Opens the direct room of <paramref name="user"/> and <paramref name="username"/>; returns the room object.</summary>
    public static async Task<JsonNode> CreateDirectRoomAsync(this ApiClient user, string username)
    {
        var response = await user.PostAsync("im.create", new { username });
        response.AssertOk();
        return response.Json["room"]!;
    }

    /// <summary>Opens the direct room of two users; returns its id.</summary>
    public static async Task<string> CreateDirectAsync(this ApiClient user, ApiClient other) =>
        Id(await user.CreateDirectRoomAsync(other.Username!));

    /// <summary>The <c>_id</c> of a room (or any object of the API).</summary>
    public static string Id(JsonNode node) => node["_id"]!.GetValue<string>();

    private static string[] Usernames(ApiClient[] members) => members.Select(m => m.Username!).ToArray();
}
