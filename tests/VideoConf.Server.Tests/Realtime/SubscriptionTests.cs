using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Realtime;

/// <summary><c>sub</c>/<c>unsub</c> and who may subscribe to what (contract §9.3; quality S7).</summary>
public sealed class SubscriptionTests(RealtimeFactory factory) : IClassFixture<RealtimeFactory>
{
    [Fact]
    public async Task AMemberSubscribingToTheRoomsVideoconfEvents_IsReady()
    {
        var owner = await factory.NewUserAsync("owner");
        var roomId = await owner.CreateGroupAsync();
        await using var client = await factory.ConnectAsAsync(owner);

        await client.SendAsync(new { msg = "sub", id = "v1", name = "stream-notify-room", @params = new object[] { $"{roomId}/videoconf", new { useCollection = false, args = Array.Empty<object>() } } });

        Assert.Equal("""{"msg":"ready","subs":["v1"]}""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task ANonMember_CannotSubscribeToAPrivateRoom()
    {
        var owner = await factory.NewUserAsync("owner");
        var outsider = await factory.NewUserAsync("outsider");
        var roomId = await owner.CreateGroupAsync();
        await using var client = await factory.ConnectAsAsync(outsider);

        var answer = await client.SubscribeAsync("stream-notify-room", $"{roomId}/videoconf");

        AssertNoSub(answer, "not-allowed");
    }

    [Fact]
    public async Task ANonMember_MaySubscribeToAPublicChannel_AsRestWouldLetThemRead()
    {
        var owner = await factory.NewUserAsync("owner");
        var reader = await factory.NewUserAsync("reader");
        var roomId = await owner.CreateChannelAsync();
        await using var client = await factory.ConnectAsAsync(reader);

        Assert.Equal("ready", (await client.SubscribeAsync("stream-notify-room", $"{roomId}/videoconf"))["msg"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAnonymousConnection_IsNotAllowedToSubscribe()
    {
        var owner = await factory.NewUserAsync("owner");
        var roomId = await owner.CreateChannelAsync();
        await using var client = await factory.ConnectAsync();

        AssertNoSub(await client.SubscribeAsync("stream-notify-room", $"{roomId}/videoconf"), "not-allowed");
    }

    [Fact]
    public async Task AnotherUsersStream_IsNotAllowed()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        await using var client = await factory.ConnectAsAsync(alice);

        AssertNoSub(await client.SubscribeAsync("stream-notify-user", $"{bob.UserId}/video-conference"), "not-allowed");
        Assert.Equal("ready", (await client.SubscribeAsync("stream-notify-user", $"{alice.UserId}/video-conference"))["msg"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("stream-notify-room", "")]
    [InlineData("stream-notify-room", "no-slash")]
    [InlineData("stream-notify-room", "/videoconf")]
    [InlineData("stream-notify-user", "uid/")]
    [InlineData("stream-video-conference", "abc/deleted")]
    [InlineData("stream-room-messages", "a/b")]
    public async Task AMalformedEventName_IsInvalid(string stream, string eventName)
    {
        var user = await factory.NewUserAsync("malformed");
        await using var client = await factory.ConnectAsAsync(user);

        AssertNoSub(await client.SubscribeAsync(stream, eventName), "invalid-event-name");
    }

    [Fact]
    public async Task UseCollectionTrue_SendsAddedBeforeReady()
    {
        var user = await factory.NewUserAsync("collector");
        await using var client = await factory.ConnectAsAsync(user);

        await client.SendAsync(new { msg = "sub", id = "c1", name = "stream-notify-user", @params = new object[] { $"{user.UserId}/video-conference", new { useCollection = true, args = Array.Empty<object>() } } });

        Assert.Equal($$$"""{"msg":"added","collection":"stream-notify-user","id":"id","fields":{"eventName":"{{{user.UserId}}}/video-conference"}}""", await client.ReceiveTextAsync());
        Assert.Equal("""{"msg":"ready","subs":["c1"]}""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task TheLegacyBooleanUseCollection_IsUnderstood()
    {
        var user = await factory.NewUserAsync("legacy");
        await using var client = await factory.ConnectAsAsync(user);

        await client.SendAsync(new { msg = "sub", id = "b1", name = "stream-notify-user", @params = new object[] { $"{user.UserId}/video-conference", true } });

        Assert.Equal("added", (await client.ReceiveAsync())["msg"]!.GetValue<string>());
        Assert.Equal("""{"msg":"ready","subs":["b1"]}""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task ASubReusingALiveId_IsIgnored()
    {
        var user = await factory.NewUserAsync("resender");
        await using var client = await factory.ConnectAsAsync(user);
        var sub = new { msg = "sub", id = "same", name = "stream-notify-user", @params = new object[] { $"{user.UserId}/video-conference", false } };

        await client.SendAsync(sub);
        Assert.Equal("""{"msg":"ready","subs":["same"]}""", await client.ReceiveTextAsync());
        await client.SendAsync(sub);
        await client.SendAsync("""{"msg":"ping","id":"after"}""");

        Assert.Equal("""{"msg":"pong","id":"after"}""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task Unsub_EndsTheSubscription_AndNoEventFollows()
    {
        var owner = await factory.NewUserAsync("unsubber");
        var roomId = await owner.CreateGroupAsync();
        await using var client = await factory.ConnectAsAsync(owner);
        await client.SubscribeAsync("stream-notify-room", $"{roomId}/videoconf", id: "u1");

        await client.SendAsync("""{"msg":"unsub","id":"u1"}""");
        Assert.Equal("""{"msg":"nosub","id":"u1"}""", await client.ReceiveTextAsync());
        await owner.StartCallAsync(roomId);

        Assert.True(await client.IsQuietForAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task Logout_StopsEverySubscriptionWithNosub()
    {
        var user = await factory.NewUserAsync("leaver");
        var roomId = await user.CreateGroupAsync();
        await using var client = await factory.ConnectAsAsync(user);
        await client.SubscribeAsync("stream-notify-room", $"{roomId}/videoconf", id: "r1");
        await client.SubscribeAsync("stream-notify-user", $"{user.UserId}/video-conference", id: "r2");

        await client.SendAsync(new { msg = "method", method = "logout", @params = Array.Empty<object>(), id = "out" });

        var stopped = new List<string>();
        while (stopped.Count < 2)
        {
            var message = await client.ReceiveAsync(m => m["msg"]?.GetValue<string>() == "nosub");
            Assert.Equal(["msg", "id"], message.Select(p => p.Key));
            stopped.Add(message["id"]!.GetValue<string>());
        }
        Assert.Equal(["r1", "r2"], stopped.Order());
    }

    [Fact]
    public async Task TheCallStream_IsForThoseWhoMayAccessTheCallsRoom()
    {
        var owner = await factory.NewUserAsync("caller");
        var outsider = await factory.NewUserAsync("outsider");
        var roomId = await owner.CreateGroupAsync();
        var callId = await owner.StartCallAsync(roomId);
        await using var member = await factory.ConnectAsAsync(owner);
        await using var stranger = await factory.ConnectAsAsync(outsider);

        Assert.Equal("ready", (await member.SubscribeAsync("stream-video-conference", $"{callId}/updated"))["msg"]!.GetValue<string>());
        AssertNoSub(await stranger.SubscribeAsync("stream-video-conference", $"{callId}/updated"), "not-allowed");
        AssertNoSub(await stranger.SubscribeAsync("stream-video-conference", "000000000000000000000000/updated"), "not-allowed");
    }

    private static void AssertNoSub(JsonObject answer, string code) =>
        Assert.Equal(
            new JsonObject
            {
                ["msg"] = "nosub",
                ["id"] = answer["id"]!.GetValue<string>(),
                ["error"] = new JsonObject { ["isClientSafe"] = true, ["error"] = code, ["message"] = $"[{code}]", ["errorType"] = "Meteor.Error" },
            }.ToJsonString(),
            answer.ToJsonString());
}
