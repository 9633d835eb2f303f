using System.Net;
using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.VideoConferences;

public sealed class CancelTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Cancel_ByTheCaller_DeclinesTheRingingDirectCall()
    {
        var (alice, bob, callId) = await RingingDirectCallAsync();

        var response = await alice.CancelCallAsync(callId);

        response.AssertBody(HttpStatusCode.OK, """{"success":true}""");
        var call = await bob.CallInfoAsync(callId);
        Assert.Equal(4, call.Status());
        Assert.False(call["ringing"]!.GetValue<bool>());
        Assert.Equal(WireFormat.Date(factory.Time.GetUtcNow()), call["endedAt"]!.GetValue<string>());
        Assert.Equal(Actor(alice).ToJsonString(), call["endedBy"]!.ToJsonString());
    }

    [Fact]
    public async Task Cancel_ByTheCallee_DeclinesTheCallAsTheCallee()
    {
        var (alice, bob, callId) = await RingingDirectCallAsync();

        var response = await bob.CancelCallAsync(callId);

        response.AssertBody(HttpStatusCode.OK, """{"success":true}""");
        var call = await alice.CallInfoAsync(callId);
        Assert.Equal(4, call.Status());
        Assert.Equal(Actor(bob).ToJsonString(), call["endedBy"]!.ToJsonString());
    }

    [Fact]
    public async Task Cancel_OfAGroupCall_ReturnsInvalidCall()
    {
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync(), allowRinging: true);

        var response = await alice.CancelCallAsync(callId);

        response.AssertPlainFailure("invalid-call");
        Assert.Equal(1, (await alice.CallInfoAsync(callId)).Status());
    }

    [Fact]
    public async Task Cancel_OfANonRingingCallInADirectRoom_ReturnsInvalidCall()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var callId = await alice.StartCallAsync(await alice.CreateDirectAsync(bob), allowRinging: false);

        var response = await bob.CancelCallAsync(callId);

        response.AssertPlainFailure("invalid-call");
    }

    [Fact]
    public async Task Cancel_OfAnAlreadyDeclinedCall_ReturnsInvalidCallStatus()
    {
        var (alice, bob, callId) = await RingingDirectCallAsync();
        (await bob.CancelCallAsync(callId)).AssertOk();

        var response = await alice.CancelCallAsync(callId);

        response.AssertPlainFailure("invalid-call-status");
        Assert.Equal(Actor(bob).ToJsonString(), (await alice.CallInfoAsync(callId))["endedBy"]!.ToJsonString());
    }

    [Fact]
    public async Task Cancel_OfAnAnsweredCall_ReturnsInvalidCallStatus()
    {
        var (alice, bob, callId) = await RingingDirectCallAsync();
        (await bob.JoinCallAsync(callId)).AssertOk();

        var response = await alice.CancelCallAsync(callId);

        response.AssertPlainFailure("invalid-call-status");
        Assert.Equal(1, (await alice.CallInfoAsync(callId)).Status());
    }

    [Fact]
    public async Task Cancel_ByAnOutsider_ReturnsInvalidParams()
    {
        var (alice, _, callId) = await RingingDirectCallAsync();
        var admin = await factory.LoginAdminAsync();

        var response = await admin.CancelCallAsync(callId);

        response.AssertPlainFailure("invalid-params");
        Assert.Equal(0, (await alice.CallInfoAsync(callId)).Status());
    }

    [Fact]
    public async Task Cancel_OfAnUnknownCall_ReturnsInvalidParams()
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.CancelCallAsync("0123456789abcdef01234567");

        response.AssertPlainFailure("invalid-params");
    }

    [Fact]
    public async Task Cancel_WithoutCallId_ReturnsRequiredPropertyError()
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.PostAsync("video-conference.cancel", "{}");

        response.AssertInvalidParams("must have required property 'callId'");
    }

    [Fact]
    public async Task Cancel_WithoutCredentials_Returns401()
    {
        var response = await factory.CreateApiClient().CancelCallAsync("0123456789abcdef01234567");

        response.AssertNotLoggedIn();
    }

    private async Task<(ApiClient Caller, ApiClient Callee, string CallId)> RingingDirectCallAsync()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var callId = await alice.StartCallAsync(await alice.CreateDirectAsync(bob), allowRinging: true);
        return (alice, bob, callId);
    }

    private static JsonObject Actor(ApiClient user) => new()
    {
        ["_id"] = user.UserId,
        ["name"] = $"Name of {user.Username}",
        ["username"] = user.Username,
    };
}
