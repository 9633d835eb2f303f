using System.Text.Json.Nodes;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>Video-conference steps through the API (contract §6.3), for tests whose subject is what follows them.</summary>
public static class CallSteps
{
    /// <summary>Starts a call; returns its id.</summary>
    public static async Task<string> StartCallAsync(this ApiClient user, string roomId, bool? allowRinging = null, string? title = null)
    {
        var response = await user.PostAsync("video-conference.start", StartBody(roomId, allowRinging, title));
        response.AssertOk();
        return response.Json["data"]!["callId"]!.GetValue<string>();
    }

    /// <summary>The body of <c>video-conference.start</c>, with only the fields given.</summary>
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

    /// <summary>Polls the call's record until it satisfies <paramref name="done"/> (see <see cref="Eventually"/>).</summary>
    public static Task<JsonObject> WaitForCallAsync(this ApiClient user, string callId, Func<JsonObject, bool> done) =>
        Eventually.HoldsAsync(() => user.CallInfoAsync(callId), done, $"call {callId} reaching the expected state");

    /// <summary>The call's numeric status (§6.1).</summary>
    public static int Status(this JsonObject call) => call["status"]!.GetValue<int>();
}
