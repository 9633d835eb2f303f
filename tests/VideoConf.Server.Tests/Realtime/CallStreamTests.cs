using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Realtime;

/// <summary>Call events on the room and call streams after the REST actions that cause them (contract §9.3).</summary>
public sealed class CallStreamTests(RealtimeFactory factory) : IClassFixture<RealtimeFactory>
{
    [Fact]
    public async Task StartJoinAndCancel_EachSendTheCallIdToTheRoomsSubscribers()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var roomId = await alice.CreateDirectAsync(bob);
        await using var watcher = await factory.ConnectAsAsync(bob);
        await watcher.SubscribeAsync("stream-notify-room", $"{roomId}/videoconf");

        var callId = await alice.StartCallAsync(roomId, allowRinging: true);
        var expected = $$$"""{"msg":"changed","collection":"stream-notify-room","id":"id","fields":{"eventName":"{{{roomId}}}/videoconf","args":["{{{callId}}}"]}}""";
        Assert.Equal(expected, await watcher.ReceiveTextAsync());

        (await alice.JoinCallAsync(callId)).AssertOk();
        Assert.Equal(expected, await watcher.ReceiveTextAsync());

        (await bob.CancelCallAsync(callId)).AssertOk();
        Assert.Equal(expected, await watcher.ReceiveTextAsync());
    }

    [Fact]
    public async Task TheCallStream_HearsEveryChangeOfThatCallOnly()
    {
        var owner = await factory.NewUserAsync("owner");
        var roomId = await owner.CreateChannelAsync();
        var callId = await owner.StartCallAsync(roomId);
        var otherCall = await owner.StartCallAsync(roomId);
        await using var watcher = await factory.ConnectAsAsync(owner);
        await watcher.SubscribeAsync("stream-video-conference", $"{callId}/updated");

        (await owner.JoinCallAsync(otherCall)).AssertOk();
        (await owner.JoinCallAsync(callId)).AssertOk();

        Assert.Equal(
            $$$"""{"msg":"changed","collection":"stream-video-conference","id":"id","fields":{"eventName":"{{{callId}}}/updated","args":["{{{callId}}}"]}}""",
            await watcher.ReceiveTextAsync());
        Assert.True(await watcher.IsQuietForAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task EventsOfOneRoom_DoNotReachSubscribersOfAnother()
    {
        var owner = await factory.NewUserAsync("owner");
        var watched = await owner.CreateGroupAsync();
        var other = await owner.CreateGroupAsync();
        await using var watcher = await factory.ConnectAsAsync(owner);
        await watcher.SubscribeAsync("stream-notify-room", $"{watched}/videoconf");

        await owner.StartCallAsync(other);
        var callId = await owner.StartCallAsync(watched);

        var changed = await watcher.ReceiveAsync();
        Assert.Equal(callId, changed["fields"]!["args"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task ManySubscribers_AllReceiveEachEvent()
    {
        var owner = await factory.NewUserAsync("owner");
        var roomId = await owner.CreateChannelAsync();
        var watchers = new List<DdpTestClient>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var watcher = await factory.ConnectAsAsync(owner);
                await watcher.SubscribeAsync("stream-notify-room", $"{roomId}/videoconf");
                watchers.Add(watcher);
            }

            var callId = await owner.StartCallAsync(roomId);

            foreach (var watcher in watchers)
            {
                Assert.Equal(callId, (await watcher.EventAsync("stream-notify-room", $"{roomId}/videoconf"))["fields"]!["args"]![0]!.GetValue<string>());
            }
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                await watcher.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task AnExpiredCall_IsAnnouncedToo()
    {
        var owner = await factory.NewUserAsync("expirer");
        var roomId = await owner.CreateGroupAsync();
        var callId = await owner.StartCallAsync(roomId);
        await using var watcher = await factory.ConnectAsAsync(owner);
        await watcher.SubscribeAsync("stream-video-conference", $"{callId}/updated");

        factory.Time.Advance(TimeSpan.FromHours(25));

        var changed = await watcher.EventAsync("stream-video-conference", $"{callId}/updated");
        Assert.Equal(callId, changed["fields"]!["args"]![0]!.GetValue<string>());
        Assert.Equal(2, (await owner.CallInfoAsync(callId)).Status());
    }
}
