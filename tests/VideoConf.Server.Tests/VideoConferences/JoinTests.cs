using System.Net;
using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.VideoConferences;

public sealed class JoinTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Join_WithMicOnAndCamOff_ReturnsThePersonalJitsiUrl()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();
        var callId = await alice.StartCallAsync(roomId);

        var response = await alice.PostAsync("video-conference.join", new { callId, state = new { mic = true, cam = false } });

        var displayName = Uri.EscapeDataString($"\"Name of {alice.Username}\"");
        response.AssertBody(HttpStatusCode.OK,
            $$"""{"url":"https://meet.jit.si/RocketChat{{callId}}#config.startWithAudioMuted=false&config.startWithVideoMuted=true&userInfo.displayName={{displayName}}","providerName":"jitsi","success":true}""");
    }

    [Fact]
    public async Task Join_WithoutState_OmitsTheMuteFlags()
    {
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());

        var response = await alice.PostAsync("video-conference.join", new { callId, state = (object?)null });

        response.AssertOk();
        Assert.Equal(
            $"https://meet.jit.si/RocketChat{callId}#userInfo.displayName={Uri.EscapeDataString($"\"Name of {alice.Username}\"")}",
            response.Json["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Join_AddsEachUserOnceInJoinOrder()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync(bob));
        var bobJoinedAt = factory.Time.GetUtcNow();

        (await bob.JoinCallAsync(callId)).AssertOk();
        factory.Time.Advance(TimeSpan.FromSeconds(2));
        var aliceJoinedAt = factory.Time.GetUtcNow();
        (await alice.JoinCallAsync(callId)).AssertOk();
        factory.Time.Advance(TimeSpan.FromSeconds(2));
        (await bob.JoinCallAsync(callId)).AssertOk();

        var users = (await alice.CallInfoAsync(callId))["users"]!;
        Assert.Equal(
            new JsonArray(UserEntry(bob, bobJoinedAt), UserEntry(alice, aliceJoinedAt)).ToJsonString(),
            users.ToJsonString());
    }

    [Fact]
    public async Task Join_ByTheCalleeOfARingingDirectCall_StartsItAndStopsRinging()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var callId = await alice.StartCallAsync(await alice.CreateDirectAsync(bob), allowRinging: true);

        (await bob.JoinCallAsync(callId)).AssertOk();

        var call = await alice.CallInfoAsync(callId);
        Assert.Equal(1, call.Status());
        Assert.False(call["ringing"]!.GetValue<bool>());
        Assert.Equal([bob.UserId], call["users"]!.AsArray().Select(u => u!["_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Join_ByTheCallerOfARingingDirectCall_OnlyAddsTheCaller()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var callId = await alice.StartCallAsync(await alice.CreateDirectAsync(bob), allowRinging: true);

        (await alice.JoinCallAsync(callId)).AssertOk();

        var call = await bob.CallInfoAsync(callId);
        Assert.Equal(0, call.Status());
        Assert.True(call["ringing"]!.GetValue<bool>());
        Assert.False(call.ContainsKey("endedAt"));
        Assert.Equal([alice.UserId], call["users"]!.AsArray().Select(u => u!["_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Join_ByAMemberOfARingingGroupCall_StopsTheRinging()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync(bob), allowRinging: true);

        (await bob.JoinCallAsync(callId)).AssertOk();

        var call = await alice.CallInfoAsync(callId);
        Assert.Equal(1, call.Status());
        Assert.False(call["ringing"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Join_WhenTheCallHasEnded_ReturnsInvalidCall()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var callId = await alice.StartCallAsync(await alice.CreateDirectAsync(bob), allowRinging: true);
        (await bob.CancelCallAsync(callId)).AssertOk();

        var response = await bob.JoinCallAsync(callId);

        response.AssertPlainFailure("invalid-call");
        Assert.Empty((await alice.CallInfoAsync(callId))["users"]!.AsArray());
    }

    [Fact]
    public async Task Join_AnUnknownCall_ReturnsInvalidParams()
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.JoinCallAsync("0123456789abcdef01234567");

        response.AssertPlainFailure("invalid-params");
    }

    [Fact]
    public async Task Join_ACallInAGroupTheCallerIsNotIn_ReturnsInvalidParams()
    {
        var alice = await factory.NewUserAsync("alice");
        var mallory = await factory.NewUserAsync("mallory");
        var callId = await alice.StartCallAsync(await alice.CreateGroupAsync());

        var response = await mallory.JoinCallAsync(callId);

        response.AssertPlainFailure("invalid-params");
        Assert.Empty((await alice.CallInfoAsync(callId))["users"]!.AsArray());
    }

    [Fact]
    public async Task Join_ACallInAPublicChannelByANonMember_Joins()
    {
        var alice = await factory.NewUserAsync("alice");
        var outsider = await factory.NewUserAsync("outsider");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());

        (await outsider.JoinCallAsync(callId)).AssertOk();

        Assert.Equal([outsider.UserId], (await alice.CallInfoAsync(callId))["users"]!.AsArray().Select(u => u!["_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Join_WithoutCallId_ReturnsRequiredPropertyError()
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.PostAsync("video-conference.join", new { state = new { mic = true } });

        response.AssertInvalidParams("must have required property 'callId'");
    }

    [Fact]
    public async Task Join_WithANonObjectState_ReturnsMustBeObject()
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.PostAsync("video-conference.join", new { callId = "0123456789abcdef01234567", state = "muted" });

        response.AssertInvalidParams("must be object");
    }

    [Fact]
    public async Task Join_WithoutCredentialsWhileAnonymousReadIsOff_Returns401()
    {
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());

        var response = await factory.CreateApiClient().JoinCallAsync(callId);

        response.AssertNotLoggedIn();
        Assert.Equal(0, (await alice.CallInfoAsync(callId))["anonymousUsers"]!.GetValue<int>());
    }

    private static JsonObject UserEntry(ApiClient user, DateTimeOffset ts) => new()
    {
        ["_id"] = user.UserId,
        ["username"] = user.Username,
        ["name"] = $"Name of {user.Username}",
        ["avatarETag"] = null,
        ["ts"] = WireFormat.Date(ts),
    };
}
