using System.Net;
using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.RateLimiting;

public sealed class RateLimitTests : IDisposable
{
    private readonly RateLimitedFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static string TooManyBody(int seconds) =>
        new JsonObject
        {
            ["success"] = false,
            ["error"] = $"Error, too many requests. Please slow down. You must wait {seconds} seconds before trying this endpoint again. [error-too-many-requests]",
            ["errorType"] = "error-too-many-requests",
        }.ToJsonString();

    private async Task<(ApiClient User, string RoomId)> UserWithChannelAsync(string username)
    {
        var user = await _factory.CreateUserAsync(username);
        return (user, await user.CreateChannelAsync());
    }

    [Fact]
    public async Task List_AfterThreeRequestsInOneSecond_RefusesWith429UntilTheWindowEnds()
    {
        var (user, roomId) = await UserWithChannelAsync("lister");
        await _factory.EnableLimiterAsync();
        var windowOpened = _factory.Time.GetUtcNow();

        for (var i = 0; i < 3; i++)
        {
            var allowed = await user.GetAsync($"video-conference.list?roomId={roomId}");
            allowed.AssertOk();
            Assert.Equal("3", allowed.Header("X-RateLimit-Limit"));
            Assert.Equal((2 - i).ToString(), allowed.Header("X-RateLimit-Remaining"));
            Assert.Equal((windowOpened.ToUnixTimeMilliseconds() + 1000).ToString(), allowed.Header("X-RateLimit-Reset"));
            Assert.Null(allowed.Header("Retry-After"));
        }

        _factory.Time.Advance(TimeSpan.FromMilliseconds(400));
        var refused = await user.GetAsync($"video-conference.list?roomId={roomId}");
        refused.AssertBody(HttpStatusCode.TooManyRequests, TooManyBody(1));
        Assert.Equal("3", refused.Header("X-RateLimit-Limit"));
        Assert.Equal("0", refused.Header("X-RateLimit-Remaining"));
        Assert.Equal((windowOpened.ToUnixTimeMilliseconds() + 1000).ToString(), refused.Header("X-RateLimit-Reset"));
        Assert.Equal("1", refused.Header("Retry-After"));

        _factory.Time.Advance(TimeSpan.FromMilliseconds(600));
        var nextWindow = await user.GetAsync($"video-conference.list?roomId={roomId}");
        nextWindow.AssertOk();
        Assert.Equal("2", nextWindow.Header("X-RateLimit-Remaining"));
        Assert.Equal((_factory.Time.GetUtcNow().ToUnixTimeMilliseconds() + 1000).ToString(), nextWindow.Header("X-RateLimit-Reset"));
    }

    [Fact]
    public async Task Start_HasItsOwnWindowOfThreePerMinute_WithRetryAfterInWholeSeconds()
    {
        var (user, roomId) = await UserWithChannelAsync("starter");
        await _factory.EnableLimiterAsync();
        for (var i = 0; i < 3; i++)
        {
            (await user.PostAsync("video-conference.start", new { roomId })).AssertOk();
        }
        _factory.Time.Advance(TimeSpan.FromMilliseconds(20_500));
        var refused = await user.PostAsync("video-conference.start", new { roomId });
        refused.AssertBody(HttpStatusCode.TooManyRequests, TooManyBody(40));
        Assert.Equal("40", refused.Header("Retry-After"));

        // Another route keeps its own allowance.
        (await user.GetAsync($"video-conference.list?roomId={roomId}")).AssertOk();
    }

    [Fact]
    public async Task OrdinaryRoute_UsesTheDefaultAllowance_AndFollowsItsSettings()
    {
        var user = await _factory.CreateUserAsync("ordinary");
        await _factory.EnableLimiterAsync();
        for (var i = 0; i < 10; i++)
        {
            var me = await user.GetAsync("me");
            me.AssertOk();
            Assert.Equal("10", me.Header("X-RateLimit-Limit"));
        }
        var refused = await user.GetAsync("me");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("60", refused.Header("Retry-After"));

        var admin = await _factory.LoginAdminAsync();
        await admin.ChangeSettingAsync("API_Enable_Rate_Limiter_Limit_Calls_Default", 2);
        await admin.ChangeSettingAsync("API_Enable_Rate_Limiter_Limit_Time_Default", 5000);
        var info = await user.GetAsync("users.info?username=ordinary");
        info.AssertOk();
        Assert.Equal("2", info.Header("X-RateLimit-Limit"));
        Assert.Equal("1", info.Header("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task BypassHolders_AreNeverLimited_AndGetNoHeaders()
    {
        var bot = await _factory.CreateUserAsync("robot", "bot");
        var roomId = await bot.CreateChannelAsync();
        await _factory.EnableLimiterAsync();
        var admin = await _factory.LoginAdminAsync();

        for (var i = 0; i < 12; i++)
        {
            var list = await bot.GetAsync($"video-conference.list?roomId={roomId}");
            list.AssertOk();
            Assert.Null(list.Header("X-RateLimit-Limit"));
            Assert.Null(list.Header("X-RateLimit-Remaining"));
            Assert.Null(list.Header("X-RateLimit-Reset"));
            var me = await admin.GetAsync("me");
            me.AssertOk();
            Assert.Null(me.Header("X-RateLimit-Limit"));
        }
    }

    [Fact]
    public async Task Switch_TurnsTheLimiterOffAndOnAtRunTime()
    {
        var (user, roomId) = await UserWithChannelAsync("switcher");
        var admin = await _factory.LoginAdminAsync();
        for (var i = 0; i < 5; i++)
        {
            var unlimited = await user.GetAsync($"video-conference.list?roomId={roomId}");
            unlimited.AssertOk();
            Assert.Null(unlimited.Header("X-RateLimit-Limit"));
        }

        await admin.ChangeSettingAsync("API_Enable_Rate_Limiter", true);
        for (var i = 0; i < 3; i++)
        {
            (await user.GetAsync($"video-conference.list?roomId={roomId}")).AssertOk();
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await user.GetAsync($"video-conference.list?roomId={roomId}")).Status);

        await admin.ChangeSettingAsync("API_Enable_Rate_Limiter", false);
        (await user.GetAsync($"video-conference.list?roomId={roomId}")).AssertOk();
    }

    [Fact]
    public async Task FailedAuthentication_DoesNotConsumeAllowance()
    {
        var (user, roomId) = await UserWithChannelAsync("authcheck");
        await _factory.EnableLimiterAsync();
        var impostor = _factory.CreateApiClient().As(user.UserId!, "not-the-token");
        for (var i = 0; i < 5; i++)
        {
            var rejected = await impostor.GetAsync($"video-conference.list?roomId={roomId}");
            Assert.Equal(HttpStatusCode.Unauthorized, rejected.Status);
            Assert.Null(rejected.Header("X-RateLimit-Limit"));
        }
        for (var i = 0; i < 3; i++)
        {
            (await user.GetAsync($"video-conference.list?roomId={roomId}")).AssertOk();
        }
    }

    [Fact]
    public async Task RouteWithoutAuthentication_CountsEveryRequest()
    {
        await _factory.EnableLimiterAsync();
        var anonymous = _factory.CreateApiClient();
        var invalid = await anonymous.PostAsync("users.register", new { username = "x" });
        invalid.AssertInvalidParams("must have required property 'email'");
        Assert.Equal("0", invalid.Header("X-RateLimit-Remaining"));
        var refused = await anonymous.PostAsync("users.register", new { username = "late", email = "late@videoconf.test", pass = "pw" });
        refused.AssertBody(HttpStatusCode.TooManyRequests, TooManyBody(60));
    }

    [Fact]
    public async Task ForwardedHeaders_FromAnUntrustedPeer_DoNotChangeTheKey()
    {
        var (user, roomId) = await UserWithChannelAsync("spoofer");
        await _factory.EnableLimiterAsync();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await SendFromAsync(user, roomId, peer: "127.0.0.1", forwardedFor: $"203.0.113.{i}", realIp: $"198.51.100.{i}");
            Assert.Equal(HttpStatusCode.OK, allowed.Status);
        }
        var refused = await SendFromAsync(user, roomId, peer: "127.0.0.1", forwardedFor: "203.0.113.99", realIp: "198.51.100.99");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);

        // A different connection address is a different client.
        Assert.Equal(HttpStatusCode.OK, (await SendFromAsync(user, roomId, peer: "192.0.2.7", forwardedFor: null, realIp: null)).Status);
    }

    [Fact]
    public async Task ForwardedHeaders_FromATrustedProxy_KeyByTheForwardedClient()
    {
        using var factory = (RateLimitedFactory)new RateLimitedFactory().WithSetting("ForwardedHeaders:KnownProxies", "10.1.2.3");
        var user = await factory.CreateUserAsync("proxied");
        var roomId = await user.CreateChannelAsync();
        await factory.EnableLimiterAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendFromAsync(user, roomId, "10.1.2.3", "203.0.113.1", null)).Status);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendFromAsync(user, roomId, "10.1.2.3", "203.0.113.1", null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendFromAsync(user, roomId, "10.1.2.3", "203.0.113.2", null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendFromAsync(user, roomId, "10.1.2.3", null, "198.51.100.5")).Status);
    }

    [Fact]
    public async Task ParallelRequests_AdmitExactlyTheAllowance()
    {
        var (user, roomId) = await UserWithChannelAsync("crowd");
        await _factory.EnableLimiterAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => user.GetAsync($"video-conference.list?roomId={roomId}")));
        Assert.Equal(3, responses.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(47, responses.Count(r => r.Status == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task KeyByUser_GivesEachUserTheirOwnAllowance()
    {
        using var factory = (RateLimitedFactory)new RateLimitedFactory().WithSetting("RateLimiting:KeyBy", "user");
        var first = await factory.CreateUserAsync("first");
        var second = await factory.CreateUserAsync("second");
        var roomId = await first.CreateChannelAsync(second);
        await factory.EnableLimiterAsync();
        for (var i = 0; i < 3; i++)
        {
            (await first.GetAsync($"video-conference.list?roomId={roomId}")).AssertOk();
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.GetAsync($"video-conference.list?roomId={roomId}")).Status);
        (await second.GetAsync($"video-conference.list?roomId={roomId}")).AssertOk();
    }

    private static Task<ApiResponse> SendFromAsync(ApiClient client, string roomId, string peer, string? forwardedFor, string? realIp)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/video-conference.list?roomId={roomId}");
        request.Headers.Add(RateLimitedFactory.PeerHeader, peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        if (realIp is not null)
        {
            request.Headers.Add("X-Real-IP", realIp);
        }
        return client.SendAsync(request);
    }
}
