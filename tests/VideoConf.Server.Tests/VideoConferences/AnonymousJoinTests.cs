using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary><c>join</c> without credentials, allowed only by <c>Accounts_AllowAnonymousRead</c> and only on public channels.</summary>
public sealed class AnonymousJoinTests
{
    [Fact]
    public async Task Join_AnonymouslyOnAPublicChannelWithAnonymousRead_CountsAnAnonymousUser()
    {
        using var factory = new VideoConfFactory().WithSetting("Settings:Accounts_AllowAnonymousRead", "true");
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());
        var anonymous = factory.CreateApiClient();

        var first = await anonymous.JoinCallAsync(callId);
        var second = await anonymous.JoinCallAsync(callId);

        first.AssertBody(HttpStatusCode.OK, $$"""{"url":"https://meet.jit.si/RocketChat{{callId}}","providerName":"jitsi","success":true}""");
        second.AssertOk();
        var call = await alice.CallInfoAsync(callId);
        Assert.Equal(2, call["anonymousUsers"]!.GetValue<int>());
        Assert.Empty(call["users"]!.AsArray());
    }

    [Fact]
    public async Task Join_WithBadCredentialsWhileAnonymousReadIsOn_JoinsAnonymously()
    {
        using var factory = new VideoConfFactory().WithSetting("Settings:Accounts_AllowAnonymousRead", "true");
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());
        var impostor = factory.CreateApiClient().As(alice.UserId!, "not-the-token");

        var response = await impostor.JoinCallAsync(callId);

        response.AssertOk();
        var call = await alice.CallInfoAsync(callId);
        Assert.Equal(1, call["anonymousUsers"]!.GetValue<int>());
        Assert.Empty(call["users"]!.AsArray());
    }

    [Fact]
    public async Task Join_AnonymouslyOnAPrivateGroup_ReturnsInvalidParams()
    {
        using var factory = new VideoConfFactory().WithSetting("Settings:Accounts_AllowAnonymousRead", "true");
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateGroupAsync());

        var response = await factory.CreateApiClient().JoinCallAsync(callId);

        response.AssertPlainFailure("invalid-params");
        Assert.Equal(0, (await alice.CallInfoAsync(callId))["anonymousUsers"]!.GetValue<int>());
    }

    [Fact]
    public async Task Join_AnonymouslyOnADirectCall_ReturnsInvalidParams()
    {
        using var factory = new VideoConfFactory().WithSetting("Settings:Accounts_AllowAnonymousRead", "true");
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var callId = await alice.StartCallAsync(await alice.CreateDirectAsync(bob), allowRinging: true);

        var response = await factory.CreateApiClient().JoinCallAsync(callId);

        response.AssertPlainFailure("invalid-params");
        Assert.Equal(0, (await alice.CallInfoAsync(callId)).Status());
    }

    [Fact]
    public async Task Join_AnonymouslyAfterAnonymousReadIsTurnedOff_Returns401()
    {
        using var factory = new VideoConfFactory().WithSetting("Settings:Accounts_AllowAnonymousRead", "true");
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());
        await factory.ChangeSettingAsync("Accounts_AllowAnonymousRead", false);

        var response = await factory.CreateApiClient().JoinCallAsync(callId);

        response.AssertNotLoggedIn();
        Assert.Equal(0, (await alice.CallInfoAsync(callId))["anonymousUsers"]!.GetValue<int>());
    }

    [Fact]
    public async Task Join_AnonymouslyWithAnonymousReadOn_StillRequiresAuthForInfo()
    {
        using var factory = new VideoConfFactory().WithSetting("Settings:Accounts_AllowAnonymousRead", "true");
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());

        var response = await factory.CreateApiClient().GetAsync($"video-conference.info?callId={callId}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }
}
