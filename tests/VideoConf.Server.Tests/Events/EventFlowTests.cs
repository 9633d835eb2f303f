using System.Net;
using VideoConf.Server.Accounts;
using VideoConf.Server.Events;
using VideoConf.Server.Storage;
using VideoConf.Server.Tests.Infrastructure;
using VideoConf.Server.Tests.VideoConferences;

namespace VideoConf.Server.Tests.Events;

/// <summary>
/// What each REST action publishes on the server's real <see cref="EventHub"/>, in order: exactly one event per
/// stored change, none for an action that changes nothing or is refused. The fake clock never moves here, so the
/// timekeeper has nothing to do and the only events are those of the requests (the sweeps' events are in
/// <see cref="TimekeepingEventTests"/>).
/// </summary>
public sealed class EventFlowTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Start_InAChannel_PublishesTheStartedCallThenItsStartMessage()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();
        using var events = EventRecorder.On(factory);

        var callId = await alice.StartCallAsync(roomId);

        var published = await events.TakeAsync();
        var call = await alice.CallInfoAsync(callId);
        Assert.Equal(2, published.Count);
        Assert.Equal(new CallChanged(callId, roomId, CallChange.Started, CallType.Conference, CallStatus.Started, UpdatedAt(call)), published[0]);
        var message = Assert.IsType<MessagePosted>(published[1]).Message;
        Assert.Equal((call["messages"]!["started"]!.GetValue<string>(), roomId, "videoconf", alice.UserId),
            (message.Id, message.RoomId, message.Type, message.UserId));
        Assert.Contains(callId, message.BlocksJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ThatIsRefused_PublishesNothing()
    {
        var alice = await factory.NewUserAsync("alice");
        var outsider = await factory.NewUserAsync("outsider");
        var groupId = await alice.CreateGroupAsync();
        using var events = EventRecorder.On(factory);

        (await outsider.PostAsync("video-conference.start", new { roomId = groupId })).AssertPlainFailure("invalid-params");

        Assert.Empty(await events.TakeAsync());
    }

    [Fact]
    public async Task Join_PublishesOneJoinedPerChange_AndNothingForAJoinThatChangesNothing()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var roomId = await alice.CreateChannelAsync(bob);
        var callId = await alice.StartCallAsync(roomId);
        using var events = EventRecorder.On(factory);

        (await alice.JoinCallAsync(callId)).AssertOk();
        var first = await events.TakeAsync();
        (await alice.JoinCallAsync(callId)).AssertOk();
        var again = await events.TakeAsync();
        (await bob.JoinCallAsync(callId)).AssertOk();
        var second = await events.TakeAsync();

        var call = await alice.CallInfoAsync(callId);
        var joined = Assert.IsType<CallChanged>(Assert.Single(first));
        Assert.Equal((callId, roomId, CallChange.Joined, CallStatus.Started), (joined.CallId, joined.RoomId, joined.Change, joined.Status));
        Assert.Empty(again);
        Assert.Equal(new CallChanged(callId, roomId, CallChange.Joined, CallType.Conference, CallStatus.Started, UpdatedAt(call)), Assert.Single(second));
        Assert.True(joined.UpdatedAt <= UpdatedAt(call));
    }

    [Fact]
    public async Task Cancel_OfARingingDirectCall_PublishesItsEnd_AndACancelThatIsRefusedNothing()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var roomId = await alice.CreateDirectAsync(bob);
        using var events = EventRecorder.On(factory);

        var callId = await alice.StartCallAsync(roomId, allowRinging: true);
        var started = await events.TakeAsync();
        (await bob.CancelCallAsync(callId)).AssertOk();
        var cancelled = await events.TakeAsync();
        (await alice.CancelCallAsync(callId)).AssertPlainFailure("invalid-call-status");
        var refused = await events.TakeAsync();

        Assert.Equal([typeof(CallChanged), typeof(MessagePosted)], started.Select(e => e.GetType()));
        var ringing = (CallChanged)started[0];
        Assert.Equal((CallChange.Started, CallType.Direct, CallStatus.Calling), (ringing.Change, ringing.Type, ringing.Status));
        var ended = Assert.IsType<CallChanged>(Assert.Single(cancelled));
        Assert.Equal((callId, roomId, CallChange.Ended, CallStatus.Declined), (ended.CallId, ended.RoomId, ended.Change, ended.Status));
        Assert.Empty(refused);
    }

    [Fact]
    public async Task SettingChange_PublishesSettingChangedOnce_AndARefusedChangeNothing()
    {
        var admin = await factory.LoginAdminAsync();
        var user = await factory.NewUserAsync("user");
        using var events = EventRecorder.On(factory);

        await admin.ChangeSettingAsync("Jitsi_Domain", "events.example.org");
        var changed = await events.TakeAsync();
        var invalid = await admin.PostAsync("settings/VideoConf_Ringing_Timeout", new { value = "not a number" });
        Assert.Equal((HttpStatusCode.BadRequest, "invalid-params"), (invalid.Status, invalid.Json["errorType"]!.GetValue<string>()));
        (await admin.PostAsync("settings/No_Such_Setting", new { value = 1 })).AssertPlainFailure("error-setting-not-found");
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsync("settings/Jitsi_Domain", new { value = "x.example.org" })).Status);
        var refused = await events.TakeAsync();

        Assert.Equal([new SettingChanged("Jitsi_Domain")], changed);
        Assert.Empty(refused);
    }

    [Fact]
    public async Task Logout_PublishesSessionEndedWithTheStoredHashOfThatToken_Once()
    {
        var carol = await factory.NewUserAsync("carol");
        var otherSession = await factory.LoginAsync(carol.Username!);
        using var events = EventRecorder.On(factory);

        (await carol.PostAsync("logout")).AssertOk();
        var loggedOut = await events.TakeAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await carol.PostAsync("logout")).Status);
        var again = await events.TakeAsync();

        var ended = Assert.IsType<SessionEnded>(Assert.Single(loggedOut));
        Assert.Equal(new SessionEnded(carol.UserId!, Tokens.Hash(carol.AuthToken!)), ended);
        Assert.NotEqual(carol.AuthToken, ended.TokenHash);
        Assert.Empty(again);
        (await otherSession.GetAsync("me")).AssertOk();
    }

    [Theory]
    [InlineData("channels")]
    [InlineData("groups")]
    public async Task Kick_PublishesRoomAccessRemovedForTheKickedUser_AndKickingANonMemberNothing(string prefix)
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var roomId = TestRooms.Id(await owner.CreateRoomAsync(prefix, UniqueName.For("room"), member.Username!));
        using var events = EventRecorder.On(factory);

        (await owner.PostAsync($"{prefix}.kick", new { roomId, userId = member.UserId })).AssertOk();
        var kicked = await events.TakeAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await owner.PostAsync($"{prefix}.kick", new { roomId, userId = member.UserId })).Status);
        var again = await events.TakeAsync();

        Assert.Equal([new RoomAccessRemoved(roomId, member.UserId!)], kicked);
        Assert.Empty(again);
    }

    private static DateTime UpdatedAt(System.Text.Json.Nodes.JsonObject call) =>
        DateTime.Parse(call["_updatedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
}
