using VideoConf.Server.Accounts;
using VideoConf.Server.Events;
using VideoConf.Server.Storage;
using VideoConf.Server.Tests.Events;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Distributed;

/// <summary>
/// Events published by the server processes reach the subscribers of another instance through Redis, marked
/// <see cref="EventOrigin.Remote"/>, in the order they were published, carrying what they carried there.
/// </summary>
[Trait("Category", "Distributed")]
public sealed class CrossInstanceEventTests(ObservedTwoInstances instances) : IClassFixture<ObservedTwoInstances>
{
    private TwoInstances Cluster => instances.Cluster;

    [Fact]
    public async Task CallEventsFromInstanceA_ReachAnotherInstancesSubscribers_InOrder()
    {
        var caller = await Cluster.A.NewUserAsync("caller");
        var guest = await Cluster.A.NewUserAsync("guest");
        var roomId = await caller.CreateChannelAsync(guest);
        using var events = EventRecorder.On(instances.Observer);

        var expected = new List<(Type Kind, string CallId)>();
        var startMessages = new Dictionary<string, string>();
        for (var i = 0; i < 5; i++)
        {
            var callId = await caller.StartCallAsync(roomId);
            (await caller.JoinCallAsync(callId)).AssertOk();
            (await guest.JoinCallAsync(callId)).AssertOk();
            startMessages[callId] = (await caller.CallInfoAsync(callId))["messages"]!["started"]!.GetValue<string>();
            expected.AddRange([(typeof(CallChanged), callId), (typeof(MessagePosted), callId), (typeof(CallChanged), callId), (typeof(CallChanged), callId)]);
        }

        var received = await events.WaitForAsync(all => all.Count(e => InRoom(e, roomId)) >= expected.Count, "the room's events on the observing instance");
        var ofRoom = received.Where(e => InRoom(e.Event, roomId)).ToList();
        Assert.Equal(expected, ofRoom.Select(e => (e.Event.GetType(), CallOf(e.Event, startMessages))));
        Assert.All(ofRoom, e => Assert.Equal(EventOrigin.Remote, e.Origin));
        var changes = ofRoom.Select(e => e.Event).OfType<CallChanged>().ToList();
        Assert.Equal(
            Enumerable.Range(0, 5).SelectMany(_ => new[] { CallChange.Started, CallChange.Joined, CallChange.Joined }),
            changes.Select(c => c.Change));
        Assert.All(changes.GroupBy(c => c.CallId), call => Assert.Equal(call.Select(c => c.UpdatedAt).Order(), call.Select(c => c.UpdatedAt)));
        var message = ofRoom.Select(e => e.Event).OfType<MessagePosted>().First().Message;
        Assert.Equal((roomId, "videoconf", caller.UserId, caller.Username), (message.RoomId, message.Type, message.UserId, message.Username));
    }

    [Fact]
    public async Task SettingSessionAndMembershipEventsFromInstanceA_ReachAnotherInstancesSubscribers_InOrder()
    {
        var admin = await Cluster.A.LoginAdminAsync();
        var owner = await Cluster.A.NewUserAsync("owner");
        var member = await Cluster.A.NewUserAsync("member");
        var roomId = await owner.CreateGroupAsync(member);
        using var events = EventRecorder.On(instances.Observer);

        await admin.ChangeSettingAsync("Jitsi_Domain", $"{UniqueName.For("meet")}.example.org");
        (await member.PostAsync("logout")).AssertOk();
        (await owner.PostAsync("groups.kick", new { roomId, userId = member.UserId })).AssertOk();

        ServerEvent[] expected =
        [
            new SettingChanged("Jitsi_Domain"),
            new SessionEnded(member.UserId!, Tokens.Hash(member.AuthToken!)),
            new RoomAccessRemoved(roomId, member.UserId!),
        ];
        var received = await events.WaitForAsync(all => all.Count(expected.Contains) == expected.Length, "the three events on the observing instance");
        Assert.Equal(expected, received.Select(e => e.Event).Where(expected.Contains));
        Assert.All(received.Where(e => expected.Contains(e.Event)), e => Assert.Equal(EventOrigin.Remote, e.Origin));
    }

    [Fact]
    public async Task RingingTimeout_WithBothInstancesSweeping_IsPublishedOnceInAll()
    {
        var admin = await Cluster.A.LoginAdminAsync();
        await admin.ChangeSettingAsync("VideoConf_Ringing_Timeout", 1);
        try
        {
            var caller = await Cluster.A.NewUserAsync("caller");
            var callee = await Cluster.B.NewUserAsync("callee");
            var roomId = await caller.CreateDirectAsync(callee);
            await Eventually.HoldsAsync(
                async () => (await callee.GetAsync("settings.public?_id=VideoConf_Ringing_Timeout")).Json["settings"]![0]!["value"]!.GetValue<int>(),
                value => value == 1,
                "the short ringing timeout on instance B");
            using var events = EventRecorder.On(instances.Observer);

            var callId = await caller.StartCallAsync(roomId, allowRinging: true);
            await events.WaitForAsync(all => all.OfType<RingingTimedOut>().Any(e => e.CallId == callId), "the ringing timeout");
            // Both instances sweep twice a second: give a second announcement every chance to arrive.
            await Task.Delay(TimeSpan.FromSeconds(2));

            var ofCall = events.Received.Select(e => e.Event).Where(e => e is RingingTimedOut r && r.CallId == callId || e is CallChanged c && c.CallId == callId).ToList();
            Assert.Equal([new RingingTimedOut(callId, roomId)], ofCall.OfType<RingingTimedOut>());
            var ends = ofCall.OfType<CallChanged>().Where(c => c.Change == CallChange.Ended).ToList();
            Assert.Equal(CallStatus.Declined, Assert.Single(ends).Status);
        }
        finally
        {
            await admin.ChangeSettingAsync("VideoConf_Ringing_Timeout", 40);
        }
    }

    private static bool InRoom(ServerEvent serverEvent, string roomId) => serverEvent switch
    {
        CallChanged call => call.RoomId == roomId,
        MessagePosted posted => posted.Message.RoomId == roomId,
        _ => false,
    };

    /// <summary>The call an event is about; a start message is known by its id.</summary>
    private static string CallOf(ServerEvent serverEvent, Dictionary<string, string> startMessages) => serverEvent switch
    {
        CallChanged call => call.CallId,
        MessagePosted posted => startMessages.Single(m => m.Value == posted.Message.Id).Key,
        _ => throw new ArgumentException($"{serverEvent} is about no call", nameof(serverEvent)),
    };
}
