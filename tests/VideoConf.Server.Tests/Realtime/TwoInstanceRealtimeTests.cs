using VideoConf.Server.Tests.Distributed;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Realtime;

/// <summary>The realtime API across two server processes on PostgreSQL and Redis (contract §9.4).</summary>
[Trait("Category", "Distributed")]
public sealed class TwoInstanceRealtimeTests(TwoInstances cluster) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task ASubscriberOnOneInstance_SeesCallsStartedOnTheOther_InOrder()
    {
        var onA = await cluster.A.NewUserAsync("rt-a");
        var room = await onA.PostAsync("groups.create", new { name = UniqueName.For("rt-room") });
        room.AssertOk();
        var roomId = room.Json["group"]!["_id"]!.GetValue<string>();
        await using var onB = await ConnectAsAsync(cluster.B, onA);
        Assert.Equal("ready", (await onB.SubscribeAsync("stream-notify-room", $"{roomId}/videoconf"))["msg"]!.GetValue<string>());

        var calls = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var started = await onA.PostAsync("video-conference.start", new { roomId });
            started.AssertOk();
            calls.Add(started.Json["data"]!["callId"]!.GetValue<string>());
        }

        var seen = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            seen.Add((await onB.EventAsync("stream-notify-room", $"{roomId}/videoconf"))["fields"]!["args"]![0]!.GetValue<string>());
        }
        Assert.Equal(calls, seen);
    }

    [Fact]
    public async Task ALogoutOnOneInstance_EndsTheRealtimeLoginOnTheOther()
    {
        var user = await cluster.A.NewUserAsync("rt-out");
        await using var onB = await ConnectAsAsync(cluster.B, user);
        await onB.SubscribeAsync("stream-notify-user", $"{user.UserId}/video-conference", id: "mine");

        (await user.PostAsync("logout")).AssertOk();

        Assert.Equal("""{"msg":"nosub","id":"mine"}""", (await onB.ReceiveAsync(m => m["msg"]?.GetValue<string>() == "nosub")).ToJsonString());
    }

    [Fact]
    public async Task AKickOnOneInstance_EndsTheKickedMembersSubscriptionOnTheOther()
    {
        var owner = await cluster.A.NewUserAsync("rt-owner");
        var member = await cluster.B.NewUserAsync("rt-member");
        var room = await owner.PostAsync("groups.create", new { name = UniqueName.For("rt-kick"), members = new[] { member.Username } });
        room.AssertOk();
        var roomId = room.Json["group"]!["_id"]!.GetValue<string>();
        await using var onB = await ConnectAsAsync(cluster.B, member);
        await onB.SubscribeAsync("stream-notify-room", $"{roomId}/videoconf", id: "room");

        (await owner.PostAsync("groups.kick", new { roomId, userId = member.UserId })).AssertOk();

        Assert.Equal("""{"msg":"nosub","id":"room"}""", (await onB.ReceiveAsync(m => m["msg"]?.GetValue<string>() == "nosub")).ToJsonString());
        (await owner.PostAsync("video-conference.start", new { roomId })).AssertOk();
        Assert.DoesNotContain(await onB.DrainAsync(TimeSpan.FromMilliseconds(500)), m => m["msg"]!.GetValue<string>() == "changed");
    }

    [Fact]
    public async Task AnActionWrittenOnOneInstance_ReachesItsTargetOnTheOther()
    {
        var caller = await cluster.A.NewUserAsync("rt-caller");
        var callee = await cluster.B.NewUserAsync("rt-callee");
        var direct = await caller.PostAsync("im.create", new { username = callee.Username });
        direct.AssertOk();
        var roomId = direct.Json["room"]!["_id"]!.GetValue<string>();
        await using var writer = await ConnectAsAsync(cluster.A, caller);
        await using var listener = await ConnectAsAsync(cluster.B, callee);
        await listener.SubscribeAsync("stream-notify-user", $"{callee.UserId}/video-conference");
        var started = await caller.PostAsync("video-conference.start", new { roomId, allowRinging = true });
        started.AssertOk();
        var callId = started.Json["data"]!["callId"]!.GetValue<string>();

        await writer.CallAsync("stream-notify-user", $"{callee.UserId}/video-conference", new { action = "call", @params = new { callId, uid = caller.UserId, rid = roomId } });
        var action = (await listener.EventAsync("stream-notify-user", $"{callee.UserId}/video-conference"))["fields"]!["args"]![0]!;
        Assert.Equal("call", action["action"]!.GetValue<string>());

        (await callee.PostAsync("video-conference.join", new { callId })).AssertOk();
        var join = (await listener.EventAsync("stream-notify-user", $"{callee.UserId}/video-conference"))["fields"]!["args"]![0]!;
        Assert.Equal(("join", callee.UserId), (join["action"]!.GetValue<string>(), join["params"]!["uid"]!.GetValue<string>()));
    }

    /// <summary>A connection to <paramref name="server"/> logged in with <paramref name="user"/>'s REST token.</summary>
    internal static async Task<DdpTestClient> ConnectAsAsync(ServerProcess server, ApiClient user)
    {
        var client = await DdpTestClient.OpenAsync(server.BaseAddress);
        await client.ConnectAsync();
        Assert.NotNull((await client.CallAsync("login", new { resume = user.AuthToken }))["result"]);
        return client;
    }
}
