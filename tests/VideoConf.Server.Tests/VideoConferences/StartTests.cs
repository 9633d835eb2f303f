using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.VideoConferences;

public sealed class StartTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Start_InAChannel_ReturnsAVideoconference()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();

        var response = await alice.PostAsync("video-conference.start", new { roomId });

        response.AssertOk();
        var callId = response.Json["data"]!["callId"]!.GetValue<string>();
        Assert.Matches(WireFormat.CallId(), callId);
        Assert.Equal(factory.Time.GetUtcNow().ToUnixTimeSeconds().ToString("x8", System.Globalization.CultureInfo.InvariantCulture), callId[..8]);
        response.AssertBody(HttpStatusCode.OK,
            $$"""{"data":{"type":"videoconference","callId":"{{callId}}","rid":"{{roomId}}","providerName":"jitsi"},"success":true}""");
    }

    [Fact]
    public async Task Start_InAChannel_StoresAStartedCallWithoutUsers()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();

        var call = await alice.CallInfoAsync(await alice.StartCallAsync(roomId));

        Assert.Equal(1, call.Status());
        Assert.Equal("videoconference", call["type"]!.GetValue<string>());
        Assert.Empty(call["users"]!.AsArray());
        Assert.Equal(0, call["anonymousUsers"]!.GetValue<int>());
        Assert.False(call.ContainsKey("ringing"));
        Assert.False(call.ContainsKey("endedAt"));
        Assert.Equal(
            $$"""{"_id":"{{alice.UserId}}","name":"Name of {{alice.Username}}","username":"{{alice.Username}}"}""",
            call["createdBy"]!.ToJsonString());
    }

    [Fact]
    public async Task Start_WithoutTitle_UsesTheRoomsName()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();
        var room = await alice.GetAsync($"rooms.info?roomId={roomId}");

        var call = await alice.CallInfoAsync(await alice.StartCallAsync(roomId));

        Assert.Equal(room.Json["room"]!["fname"]!.GetValue<string>(), call["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_WithATitle_UsesIt()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();

        var call = await alice.CallInfoAsync(await alice.StartCallAsync(roomId, title: "Sprint review"));

        Assert.Equal("Sprint review", call["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_WithANullTitle_UsesTheRoomsName()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();
        var fname = (await alice.GetAsync($"rooms.info?roomId={roomId}")).Json["room"]!["fname"]!.GetValue<string>();

        var response = await alice.PostAsync("video-conference.start", $$"""{"roomId":"{{roomId}}","title":null,"allowRinging":null}""");

        response.AssertOk();
        var call = await alice.CallInfoAsync(response.Json["data"]!["callId"]!.GetValue<string>());
        Assert.Equal(fname, call["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_InATwoPersonDirectRoomWithRinging_ReturnsADirectCall()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var roomId = await alice.CreateDirectAsync(bob);

        var response = await alice.PostAsync("video-conference.start", new { roomId, allowRinging = true });

        response.AssertOk();
        var callId = response.Json["data"]!["callId"]!.GetValue<string>();
        response.AssertBody(HttpStatusCode.OK,
            $$"""{"data":{"type":"direct","calleeId":"{{bob.UserId}}","callId":"{{callId}}","providerName":"jitsi"},"success":true}""");
    }

    [Fact]
    public async Task Start_InATwoPersonDirectRoomWithRinging_StoresACallingRingingCall()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var roomId = await alice.CreateDirectAsync(bob);

        var call = await bob.CallInfoAsync(await alice.StartCallAsync(roomId, allowRinging: true));

        Assert.Equal("direct", call["type"]!.GetValue<string>());
        Assert.Equal(0, call.Status());
        Assert.True(call["ringing"]!.GetValue<bool>());
        Assert.Empty(call["users"]!.AsArray());
        Assert.False(call.ContainsKey("title"));
        Assert.False(call.ContainsKey("anonymousUsers"));
    }

    [Fact]
    public async Task Start_InADirectRoomWithoutRinging_StartsAVideoconference()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var roomId = await alice.CreateDirectAsync(bob);

        var response = await alice.PostAsync("video-conference.start", new { roomId, allowRinging = false });

        response.AssertOk();
        Assert.Equal("videoconference", response.Json["data"]!["type"]!.GetValue<string>());
        var call = await alice.CallInfoAsync(response.Json["data"]!["callId"]!.GetValue<string>());
        Assert.Equal(1, call.Status());
        Assert.False(call.ContainsKey("ringing"));
    }

    [Fact]
    public async Task Start_InADirectRoomByACallerWithoutRingPermission_StartsAVideoconference()
    {
        // Bots hold call-management but not videoconf-ring-users.
        var bot = await factory.NewUserAsync("bot", "bot");
        var bob = await factory.NewUserAsync("bob");
        var roomId = await bot.CreateDirectAsync(bob);

        var response = await bot.PostAsync("video-conference.start", new { roomId, allowRinging = true });

        response.AssertOk();
        Assert.Equal("videoconference", response.Json["data"]!["type"]!.GetValue<string>());
        var call = await bot.CallInfoAsync(response.Json["data"]!["callId"]!.GetValue<string>());
        Assert.Equal(1, call.Status());
        Assert.False(call.ContainsKey("ringing"));
    }

    [Fact]
    public async Task Start_InAThreePersonDirectRoomWithRinging_StartsARingingVideoconference()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var carol = await factory.NewUserAsync("carol");
        var created = await alice.PostAsync("im.create", new { usernames = $"{bob.Username},{carol.Username}" });
        created.AssertOk();
        var roomId = created.Json["room"]!["_id"]!.GetValue<string>();

        var response = await alice.PostAsync("video-conference.start", new { roomId, allowRinging = true });

        response.AssertOk();
        Assert.Equal("videoconference", response.Json["data"]!["type"]!.GetValue<string>());
        var call = await alice.CallInfoAsync(response.Json["data"]!["callId"]!.GetValue<string>());
        Assert.Equal(1, call.Status());
        Assert.True(call["ringing"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Start_WithRingingInARoomOfTenMembers_Rings()
    {
        var alice = await factory.NewUserAsync("alice");
        var members = await factory.NewUsernamesAsync(9);
        var roomId = TestRooms.Id(await alice.CreateRoomAsync("channels", UniqueName.For("room"), [.. members]));

        var call = await alice.CallInfoAsync(await alice.StartCallAsync(roomId, allowRinging: true));

        Assert.Equal(1, call.Status());
        Assert.True(call["ringing"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Start_WithRingingInARoomOfElevenMembers_DoesNotRing()
    {
        var alice = await factory.NewUserAsync("alice");
        var members = await factory.NewUsernamesAsync(10);
        var roomId = TestRooms.Id(await alice.CreateRoomAsync("groups", UniqueName.For("room"), [.. members]));

        var call = await alice.CallInfoAsync(await alice.StartCallAsync(roomId, allowRinging: true));

        Assert.Equal(1, call.Status());
        Assert.False(call.ContainsKey("ringing"));
    }

    [Fact]
    public async Task Start_WithRingingAfterAnEleventhMemberIsInvited_DoesNotRing()
    {
        var alice = await factory.NewUserAsync("alice");
        var members = await factory.NewUsernamesAsync(9);
        var roomId = TestRooms.Id(await alice.CreateRoomAsync("channels", UniqueName.For("room"), [.. members]));
        var eleventh = await factory.NewUserAsync("eleventh");
        (await alice.PostAsync("channels.invite", new { roomId, userId = eleventh.UserId })).AssertOk();

        var call = await alice.CallInfoAsync(await alice.StartCallAsync(roomId, allowRinging: true));

        Assert.False(call.ContainsKey("ringing"));
    }

    [Fact]
    public async Task Start_PostsAVideoconfMessageReadableThroughChatGetMessage()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var roomId = await alice.CreateChannelAsync(bob);
        var callId = await alice.StartCallAsync(roomId);
        var messageId = (await alice.CallInfoAsync(callId))["messages"]!["started"]!.GetValue<string>();

        var response = await bob.GetAsync($"chat.getMessage?msgId={messageId}");

        response.AssertOk();
        var message = response.Json["message"]!.AsObject();
        Assert.Equal(messageId, message["_id"]!.GetValue<string>());
        Assert.Equal(roomId, message["rid"]!.GetValue<string>());
        Assert.Equal("videoconf", message["t"]!.GetValue<string>());
        Assert.Equal(string.Empty, message["msg"]!.GetValue<string>());
        Assert.Equal(
            $$"""{"_id":"{{alice.UserId}}","username":"{{alice.Username}}","name":"Name of {{alice.Username}}"}""",
            message["u"]!.ToJsonString());
        Assert.Equal(
            $$"""[{"type":"video_conf","blockId":"{{callId}}","callId":"{{callId}}","appId":"videoconf-core"}]""",
            message["blocks"]!.ToJsonString());
    }

    [Fact]
    public async Task Start_WhenTheCallerIsNotAMemberOfTheGroup_ReturnsInvalidParams()
    {
        var alice = await factory.NewUserAsync("alice");
        var mallory = await factory.NewUserAsync("mallory");
        var roomId = await alice.CreateGroupAsync();

        var response = await mallory.PostAsync("video-conference.start", new { roomId });

        response.AssertPlainFailure("invalid-params");
    }

    [Fact]
    public async Task Start_WhenAnAdminIsNotAMemberOfTheGroup_ReturnsInvalidParams()
    {
        var alice = await factory.NewUserAsync("alice");
        var admin = await factory.LoginAdminAsync();
        var roomId = await alice.CreateGroupAsync();

        var response = await admin.PostAsync("video-conference.start", new { roomId });

        response.AssertPlainFailure("invalid-params");
    }

    [Fact]
    public async Task Start_WhenTheCallerIsNotInTheDirectRoom_ReturnsInvalidParams()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var mallory = await factory.NewUserAsync("mallory");
        var roomId = await alice.CreateDirectAsync(bob);

        var response = await mallory.PostAsync("video-conference.start", new { roomId, allowRinging = true });

        response.AssertPlainFailure("invalid-params");
    }

    [Fact]
    public async Task Start_WhenTheRoomIsUnknown_ReturnsInvalidParams()
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.PostAsync("video-conference.start", new { roomId = "NoSuchRoom0000001" });

        response.AssertPlainFailure("invalid-params");
    }

    [Fact]
    public async Task Start_WithAnEmptyRoomId_ReturnsInvalidParams()
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.PostAsync("video-conference.start", new { roomId = string.Empty });

        response.AssertPlainFailure("invalid-params");
    }

    [Fact]
    public async Task Start_ByAPublicChannelNonMember_StartsTheCall()
    {
        var alice = await factory.NewUserAsync("alice");
        var outsider = await factory.NewUserAsync("outsider");
        var roomId = await alice.CreateChannelAsync();

        var response = await outsider.PostAsync("video-conference.start", new { roomId });

        response.AssertOk();
    }

    [Fact]
    public async Task Start_WhenAGuestWithoutViewPermissionIsNotAMember_ReturnsInvalidParams()
    {
        var alice = await factory.NewUserAsync("alice");
        var guest = await factory.NewUserAsync("guest", "guest");
        var roomId = await alice.CreateChannelAsync();

        var response = await guest.PostAsync("video-conference.start", new { roomId });

        response.AssertPlainFailure("invalid-params");
    }

    [Fact]
    public async Task Start_WhenTheCallerLacksCallManagement_ReturnsUnauthorized()
    {
        var alice = await factory.NewUserAsync("alice");
        var guest = await factory.NewUserAsync("guest", "guest");
        var roomId = await alice.CreateChannelAsync(guest);

        var response = await guest.PostAsync("video-conference.start", new { roomId });

        response.AssertForbidden();
    }

    [Fact]
    public async Task Start_InAReadOnlyChannelByAPlainMember_ReturnsNotAllowedToStart()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var roomId = await alice.CreateReadOnlyChannelAsync(bob);

        var response = await bob.PostAsync("video-conference.start", new { roomId });

        response.AssertPlainFailure("error-not-allowed-to-start-video-conference");
    }

    [Fact]
    public async Task Start_InAReadOnlyChannelByItsOwner_StartsTheCall()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateReadOnlyChannelAsync();

        var response = await alice.PostAsync("video-conference.start", new { roomId });

        response.AssertOk();
    }

    [Fact]
    public async Task Start_InAReadOnlyChannelByAGuestMember_ReportsTheMissingPermissionFirst()
    {
        var alice = await factory.NewUserAsync("alice");
        var guest = await factory.NewUserAsync("guest", "guest");
        var roomId = await alice.CreateReadOnlyChannelAsync(guest);

        var response = await guest.PostAsync("video-conference.start", new { roomId });

        response.AssertForbidden();
    }

    [Fact]
    public async Task Start_WithoutRoomId_ReturnsRequiredPropertyError()
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.PostAsync("video-conference.start", new { title = "x" });

        response.AssertInvalidParams("must have required property 'roomId'");
    }

    [Fact]
    public async Task Start_WithANonBooleanAllowRinging_ReturnsMustBeBoolean()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();

        var response = await alice.PostAsync("video-conference.start", new { roomId, allowRinging = "yes" });

        response.AssertInvalidParams("must be boolean");
    }

    [Fact]
    public async Task Start_WithAnUnknownProperty_ReturnsNoAdditionalProperties()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();

        var response = await alice.PostAsync("video-conference.start", new { roomId, provider = "jitsi" });

        response.AssertInvalidParams("must NOT have additional properties");
    }

    [Fact]
    public async Task Start_WithAnEmptyBody_ReturnsRequiredPropertyError()
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.PostAsync("video-conference.start");

        response.AssertInvalidParams("must have required property 'roomId'");
    }

    [Fact]
    public async Task Start_WithABodyThatIsNotJson_ReturnsInvalidJsonBody()
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.PostAsync("video-conference.start", "{roomId:");

        response.AssertInvalidParams("Invalid JSON body");
    }

    [Fact]
    public async Task Start_WithGet_ReturnsResourceNotFound()
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.GetAsync("video-conference.start?roomId=x");

        response.AssertBody(HttpStatusCode.NotFound, ApiBodies.NotFound);
    }

    [Fact]
    public async Task Start_WithoutCredentials_Returns401()
    {
        var response = await factory.CreateApiClient().PostAsync("video-conference.start", new { roomId = "NoSuchRoom0000001" });

        response.AssertNotLoggedIn();
    }

    [Fact]
    public async Task Start_ThenList_ShowsTheCallWithTheJitsiCallUrl()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();
        var callId = await alice.StartCallAsync(roomId);

        var list = await alice.GetAsync($"video-conference.list?roomId={roomId}");

        list.AssertOk();
        var call = Assert.Single(list.Json["data"]!.AsArray())!.AsObject();
        Assert.Equal(callId, call["_id"]!.GetValue<string>());
        Assert.Equal($"https://meet.jit.si/RocketChat{callId}", call["url"]!.GetValue<string>());
    }
}
