using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary>Steps the HTTP tests share: users, rooms, calls and settings, each through the public API.</summary>
internal static class Scenario
{
    /// <summary>The longest a test waits for something the server does in the background.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    public const string IsoDatePattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$";

    /// <summary>A name no other test in the same server uses.</summary>
    public static string Unique(string prefix) => $"{prefix}.{Guid.NewGuid():N}"[..(prefix.Length + 11)];

    public static Task<ApiClient> NewUserAsync(this VideoConfFactory factory, string prefix, params string[] roles) =>
        factory.CreateUserAsync(Unique(prefix), roles);

    /// <summary>Creates users who never log in (room members only); returns their usernames.</summary>
    public static async Task<IReadOnlyList<string>> NewUsernamesAsync(this VideoConfFactory factory, int count)
    {
        var admin = await factory.LoginAdminAsync();
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var username = Unique("member");
            var response = await admin.PostAsync("users.create", new { username, email = $"{username}@videoconf.test", password = "pw-member-secret" });
            response.AssertOk();
            names.Add(username);
        }
        return names;
    }

    public static Task<string> CreateChannelAsync(this ApiClient owner, params ApiClient[] members) =>
        owner.CreateRoomAsync("channels.create", "channel", readOnly: false, members.Select(m => m.Username!));

    public static Task<string> CreateGroupAsync(this ApiClient owner, params ApiClient[] members) =>
        owner.CreateRoomAsync("groups.create", "group", readOnly: false, members.Select(m => m.Username!));

    /// <summary>Creates a channel or group; returns the room id.</summary>
    public static async Task<string> CreateRoomAsync(this ApiClient owner, string route, string key, bool readOnly, IEnumerable<string> memberUsernames)
    {
        var response = await owner.PostAsync(route, new { name = Unique("room"), members = memberUsernames.ToArray(), readOnly });
        response.AssertOk();
        return response.Json[key]!["_id"]!.GetValue<string>();
    }

    public static async Task<string> CreateDirectAsync(this ApiClient user, ApiClient other)
    {
        var response = await user.PostAsync("im.create", new { username = other.Username });
        response.AssertOk();
        return response.Json["room"]!["_id"]!.GetValue<string>();
    }

    /// <summary>Starts a call (extra body fields such as <c>allowRinging</c> are merged in); returns the call id.</summary>
    public static async Task<string> StartCallAsync(this ApiClient user, string roomId, bool? allowRinging = null, string? title = null)
    {
        var response = await user.PostAsync("video-conference.start", StartBody(roomId, allowRinging, title));
        response.AssertOk();
        return response.Json["data"]!["callId"]!.GetValue<string>();
    }

    public static Dictionary<string, object> StartBody(string roomId, bool? allowRinging = null, string? title = null)
    {
        var body = new Dictionary<string, object> { ["roomId"] = roomId };
        if (title is not null)
        {
            body["title"] = title;
        }
        if (allowRinging is { } ring)
        {
            body["allowRinging"] = ring;
        }
        return body;
    }

    /// <summary>The call record from <c>video-conference.info</c>.</summary>
    public static async Task<JsonObject> CallInfoAsync(this ApiClient user, string callId)
    {
        var response = await user.GetAsync($"video-conference.info?callId={callId}");
        response.AssertOk();
        return response.Json.AsObject();
    }

    public static Task<ApiResponse> JoinCallAsync(this ApiClient user, string callId) =>
        user.PostAsync("video-conference.join", new { callId });

    public static Task<ApiResponse> CancelCallAsync(this ApiClient user, string callId) =>
        user.PostAsync("video-conference.cancel", new { callId });

    /// <summary>Changes a setting at run time as the admin.</summary>
    public static async Task ChangeSettingAsync(this VideoConfFactory factory, string id, object value)
    {
        var admin = await factory.LoginAdminAsync();
        var response = await admin.PostAsync($"settings/{id}", new { value });
        response.AssertOk();
    }

    /// <summary>Asserts the bare failure body <c>{"success":false,"error":"&lt;code&gt;"}</c> with status 400.</summary>
    public static void AssertFailure(this ApiResponse response, string code, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        response.AssertBody(status, new JsonObject { ["success"] = false, ["error"] = code }.ToJsonString());

    /// <summary>Polls until the call's record satisfies <paramref name="done"/>, for at most <see cref="MaxWait"/>.</summary>
    public static async Task<JsonObject> WaitForCallAsync(this ApiClient user, string callId, Func<JsonObject, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var call = await user.CallInfoAsync(callId);
            if (done(call))
            {
                return call;
            }
            if (clock.Elapsed > MaxWait)
            {
                throw new Xunit.Sdk.XunitException($"The call did not reach the expected state within {MaxWait.TotalSeconds} s: {call.ToJsonString()}");
            }
            await Task.Delay(50);
        }
    }

    public static int Status(this JsonObject call) => call["status"]!.GetValue<int>();

    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
