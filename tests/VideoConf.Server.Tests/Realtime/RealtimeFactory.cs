using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Realtime;

/// <summary>The server on real Kestrel sockets (loopback, a free port), so realtime tests speak real WebSocket frames.</summary>
public class RealtimeFactory : VideoConfFactory
{
    public RealtimeFactory()
    {
        WithSetting("urls", "http://127.0.0.1:0");
        // The DDP limiter is tested on its own; all other test traffic comes from one client.
        WithSetting("Settings:DDP_Rate_Limit_Enabled", "false");
        UseKestrel(0);
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => CreateClient().BaseAddress!;

    /// <summary>A raw WebSocket on <paramref name="path"/>, not yet DDP-connected.</summary>
    public Task<DdpTestClient> OpenAsync(string path = "/websocket", string? origin = null) => DdpTestClient.OpenAsync(BaseAddress, path, origin);

    /// <summary>A connection that has completed DDP's <c>connect</c>.</summary>
    public async Task<DdpTestClient> ConnectAsync()
    {
        var client = await OpenAsync();
        await client.ConnectAsync();
        return client;
    }

    /// <summary>A connection logged in (resume) with the REST token of <paramref name="user"/>.</summary>
    public async Task<DdpTestClient> ConnectAsAsync(ApiClient user)
    {
        var client = await ConnectAsync();
        var result = await client.CallAsync("login", new { resume = user.AuthToken });
        Assert.True(result["result"] is not null, result.ToJsonString());
        return client;
    }

    /// <summary>Two new users and the direct room between them, the first one its creator.</summary>
    public async Task<(ApiClient Caller, ApiClient Callee, string RoomId)> DirectPairAsync()
    {
        var caller = await this.NewUserAsync("caller");
        var callee = await this.NewUserAsync("callee");
        return (caller, callee, await caller.CreateDirectAsync(callee));
    }

    /// <summary>A connection logged in as <paramref name="user"/> and subscribed (ready) to its video-conference user stream.</summary>
    public async Task<DdpTestClient> UserStreamAsync(ApiClient user)
    {
        var client = await ConnectAsAsync(user);
        Assert.Equal("ready", (await client.SubscribeAsync("stream-notify-user", $"{user.UserId}/video-conference"))["msg"]!.GetValue<string>());
        return client;
    }
}
