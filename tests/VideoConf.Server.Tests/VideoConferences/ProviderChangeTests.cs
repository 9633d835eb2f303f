using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary>Calls whose provider was disabled after they started. Each test has its own server, as it changes settings.</summary>
public sealed class ProviderChangeTests
{
    [Fact]
    public async Task Join_WhenTheCallsProviderIsNoLongerEnabled_ReturnsVideoConfProviderUnavailable()
    {
        using var factory = new VideoConfFactory();
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());
        await factory.ChangeSettingAsync("VideoConf_Enabled_Providers", "googlemeet");

        var response = await alice.JoinCallAsync(callId);

        response.AssertPlainFailure("video-conf-provider-unavailable");
        Assert.Empty((await alice.CallInfoAsync(callId))["users"]!.AsArray());
    }

    [Fact]
    public async Task Join_OfAnEndedCallWhoseProviderIsDisabled_ReportsTheEndedCallFirst()
    {
        using var factory = new VideoConfFactory();
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var callId = await alice.StartCallAsync(await alice.CreateDirectAsync(bob), allowRinging: true);
        (await alice.CancelCallAsync(callId)).AssertOk();
        await factory.ChangeSettingAsync("VideoConf_Enabled_Providers", "googlemeet");

        var response = await bob.JoinCallAsync(callId);

        response.AssertPlainFailure("invalid-call");
    }

    [Fact]
    public async Task Join_WhenTheProviderIsStillEnabledButNoLongerActive_Joins()
    {
        using var factory = new VideoConfFactory();
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());
        await factory.ChangeSettingAsync("VideoConf_Enabled_Providers", "googlemeet,jitsi");
        await factory.ChangeSettingAsync("VideoConf_Default_Provider", "googlemeet");

        var response = await alice.JoinCallAsync(callId);

        response.AssertOk();
        Assert.Equal("jitsi", response.Json["providerName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Info_WhenTheCallsProviderIsNoLongerEnabled_HasEmptyCapabilities()
    {
        using var factory = new VideoConfFactory();
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());
        await factory.ChangeSettingAsync("VideoConf_Enabled_Providers", "googlemeet");

        var call = await alice.CallInfoAsync(callId);

        Assert.Equal("{}", call["capabilities"]!.ToJsonString());
        Assert.Equal("jitsi", call["providerName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Info_OfAGoogleMeetCall_HasGoogleMeetsCapabilities()
    {
        using var factory = new VideoConfFactory().WithSetting("Settings:VideoConf_Enabled_Providers", "jitsi,googlemeet")
            .WithSetting("Settings:VideoConf_Default_Provider", "googlemeet");
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());

        var call = await alice.CallInfoAsync(callId);

        Assert.Equal("""{"mic":false,"cam":false,"title":false,"persistentChat":false}""", call["capabilities"]!.ToJsonString());
    }

    [Fact]
    public async Task Join_AGoogleMeetCall_ReturnsTheSameLinkForEveryone()
    {
        using var factory = new VideoConfFactory().WithSetting("Settings:VideoConf_Enabled_Providers", "googlemeet");
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync(bob));

        var aliceJoin = await alice.PostAsync("video-conference.join", new { callId, state = new { mic = true, cam = true } });
        var bobJoin = await bob.JoinCallAsync(callId);

        aliceJoin.AssertBody(HttpStatusCode.OK, $$"""{"url":"http://g.co/meet/RocketChat_{{callId}}","providerName":"googlemeet","success":true}""");
        bobJoin.AssertBody(HttpStatusCode.OK, $$"""{"url":"http://g.co/meet/RocketChat_{{callId}}","providerName":"googlemeet","success":true}""");
    }

    [Fact]
    public async Task Join_WithJitsiTokenAuth_ReturnsAUrlWithAJwt()
    {
        using var factory = new VideoConfFactory()
            .WithSetting("Settings:Jitsi_Enabled_TokenAuth", "true")
            .WithSetting("Settings:Jitsi_Application_ID", "videoconf-app");
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();
        await factory.ChangeSettingAsync("Jitsi_Application_Secret", "a-jitsi-application-secret-of-forty-bytes");
        var callId = await alice.StartCallAsync(roomId);

        var response = await alice.JoinCallAsync(callId);

        response.AssertOk();
        Assert.StartsWith($"https://meet.jit.si/RocketChat{callId}?jwt=", response.Json["url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_WithJitsiTokenAuthAndAShortSecret_StillReturnsAUrlWithAJwt()
    {
        using var factory = new VideoConfFactory()
            .WithSetting("Settings:Jitsi_Enabled_TokenAuth", "true")
            .WithSetting("Settings:Jitsi_Application_ID", "videoconf-app");
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();
        await factory.ChangeSettingAsync("Jitsi_Application_Secret", "jitsi-key");
        var callId = await alice.StartCallAsync(roomId);

        var response = await alice.JoinCallAsync(callId);

        response.AssertOk();
        Assert.StartsWith($"https://meet.jit.si/RocketChat{callId}?jwt=", response.Json["url"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
