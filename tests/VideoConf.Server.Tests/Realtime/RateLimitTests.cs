using System.Text.Json.Nodes;
using VideoConf.Server.Realtime.Limits;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Realtime;

/// <summary>Rocket.Chat's per-connection DDP limits (contract §9.2), on the server's fake clock.</summary>
public sealed class RateLimitTests(RateLimitTests.LimitedServer factory) : IClassFixture<RateLimitTests.LimitedServer>
{
    [Fact]
    public async Task TheSixthLoginInTenSeconds_IsTooManyRequests_UntilTheWindowResets()
    {
        var user = await factory.NewUserAsync("limited");
        await using var client = await factory.ConnectAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull((await client.CallAsync("login", new { resume = user.AuthToken }))["result"]);
        }

        var refused = await client.CallAsync("login", new { resume = user.AuthToken });

        Assert.Equal(
            """{"isClientSafe":true,"error":"too-many-requests","reason":"Error, too many requests. Please slow down. You must wait 10 seconds before trying again.","details":{"timeToReset":10000},"message":"Error, too many requests. Please slow down. You must wait 10 seconds before trying again. [too-many-requests]","errorType":"Meteor.Error"}""",
            refused["error"]!.ToJsonString());
        factory.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(6000, (await client.CallAsync("login", new { resume = user.AuthToken }))["error"]!["details"]!["timeToReset"]!.GetValue<long>());
        factory.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.NotNull((await client.CallAsync("login", new { resume = user.AuthToken }))["result"]);
    }

    [Fact]
    public async Task TheFortyFirstStreamSubscriptionInFortySeconds_IsRefusedInItsNosub()
    {
        var user = await factory.NewUserAsync("subscriber");
        await using var client = await factory.ConnectAsAsync(user);
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal("ready", (await client.SubscribeAsync("stream-notify-user", $"{user.UserId}/video-conference"))["msg"]!.GetValue<string>());
        }

        var refused = await client.SubscribeAsync("stream-notify-user", $"{user.UserId}/video-conference");

        Assert.Equal("nosub", refused["msg"]!.GetValue<string>());
        Assert.Equal("too-many-requests", refused["error"]!["error"]!.GetValue<string>());
        Assert.Equal(40000, refused["error"]!["details"]!["timeToReset"]!.GetValue<long>());
    }

    [Fact]
    public async Task EachStreamMethod_HasFortyCallsInFortySeconds()
    {
        var user = await factory.NewUserAsync("writer");
        await using var client = await factory.ConnectAsAsync(user);
        var roomId = await user.CreateGroupAsync();
        for (var i = 0; i < 40; i++)
        {
            Assert.Null((await client.CallAsync("stream-notify-room", $"{roomId}/typing", user.Username, true))["error"]);
        }

        Assert.Equal("too-many-requests", (await client.CallAsync("stream-notify-room", $"{roomId}/typing", user.Username, true))["error"]!["error"]!.GetValue<string>());
        Assert.Null((await client.CallAsync("stream-notify-user", $"{user.UserId}/video-conference", new { action = "call" }))["error"]);
    }

    [Fact]
    public async Task UsersWhoMayBypassRateLimits_AreNotLimited()
    {
        var bot = await factory.NewUserAsync("bot", "bot");
        await using var client = await factory.ConnectAsAsync(bot);

        for (var i = 0; i < 12; i++)
        {
            Assert.NotNull((await client.CallAsync("login", new { resume = bot.AuthToken }))["result"]);
        }
    }

    [Fact]
    public async Task WithTheSettingOff_NothingIsLimited()
    {
        var user = await factory.NewUserAsync("unlimited");
        await factory.ChangeSettingAsync("DDP_Rate_Limit_Enabled", false);
        try
        {
            await using var client = await factory.ConnectAsync();
            for (var i = 0; i < 8; i++)
            {
                Assert.NotNull((await client.CallAsync("login", new { resume = user.AuthToken }))["result"]);
            }
        }
        finally
        {
            await factory.ChangeSettingAsync("DDP_Rate_Limit_Enabled", true);
        }
    }

    [Fact]
    public void AllCallsTogether_AreLimitedToSixHundredAMinute()
    {
        var limits = new ConnectionRateLimits();
        var start = new DateTimeOffset(2026, 1, 27, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 600; i++)
        {
            Assert.Null(limits.Count(RateRule.AllMessages, start.AddMilliseconds(i * 50)));
        }

        Assert.Equal(TimeSpan.FromSeconds(30), limits.Count(RateRule.AllMessages, start.AddSeconds(30)));
        Assert.Null(limits.Count(RateRule.AllMessages, start.AddSeconds(60)));
    }

    [Theory]
    [InlineData("method", "login", 5, 10)]
    [InlineData("method", "logout", 10, 10)]
    [InlineData("method", "stream-notify-user", 40, 40)]
    [InlineData("subscription", "stream-room-messages", 40, 40)]
    public void EachNameHasRocketChatsDefaultRule(string kind, string name, int limit, int seconds)
    {
        var rule = RateRule.For(kind, name);

        Assert.Equal(limit, rule.Limit);
        Assert.Equal(TimeSpan.FromSeconds(seconds), rule.Window);
    }

    /// <summary>A server with the DDP limiter on, as by default.</summary>
    public sealed class LimitedServer : RealtimeFactory
    {
        public LimitedServer() => WithSetting("Settings:DDP_Rate_Limit_Enabled", "true");
    }
}
