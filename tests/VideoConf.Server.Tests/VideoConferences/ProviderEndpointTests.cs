using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary>
/// <c>video-conference.providers</c>, <c>.capabilities</c> and the provider errors of <c>start</c>. Every test sets
/// the provider settings it relies on first, since they share one server.
/// </summary>
public sealed class ProviderEndpointTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Providers_WithDefaults_IsJitsiOnly()
    {
        await UseProvidersAsync("jitsi");
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.GetAsync("video-conference.providers");

        response.AssertBody(HttpStatusCode.OK, """{"data":[{"key":"jitsi","label":"Jitsi"}],"success":true}""");
    }

    [Fact]
    public async Task Providers_ListsEnabledProvidersInConfigurationOrderSkippingUnknownKeys()
    {
        await UseProvidersAsync("custom,zoom,googlemeet,bigbluebutton,jitsi");
        await factory.ChangeSettingAsync("Custom_Provider_Label", "Acme Meet");
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.GetAsync("video-conference.providers");

        response.AssertBody(HttpStatusCode.OK,
            """{"data":[{"key":"custom","label":"Acme Meet"},{"key":"googlemeet","label":"Google Meet"},{"key":"bigbluebutton","label":"BigBlueButton"},{"key":"jitsi","label":"Jitsi"}],"success":true}""");
    }

    [Fact]
    public async Task Providers_WhenNoneIsEnabled_IsAnEmptyList()
    {
        await UseProvidersAsync(string.Empty);
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.GetAsync("video-conference.providers");

        response.AssertBody(HttpStatusCode.OK, """{"data":[],"success":true}""");
    }

    [Fact]
    public async Task Providers_WithoutCredentials_Returns401()
    {
        var response = await factory.CreateApiClient().GetAsync("video-conference.providers");

        response.AssertNotLoggedIn();
    }

    [Fact]
    public async Task Capabilities_OfJitsi_AreMicCamAndTitle()
    {
        await UseProvidersAsync("jitsi");
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.GetAsync("video-conference.capabilities");

        response.AssertBody(HttpStatusCode.OK,
            """{"providerName":"jitsi","capabilities":{"mic":true,"cam":true,"title":true,"persistentChat":false},"success":true}""");
    }

    [Fact]
    public async Task Capabilities_OfGoogleMeetAsTheDefault_AreAllFalse()
    {
        await UseProvidersAsync("jitsi,googlemeet", "googlemeet");
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.GetAsync("video-conference.capabilities");

        response.AssertBody(HttpStatusCode.OK,
            """{"providerName":"googlemeet","capabilities":{"mic":false,"cam":false,"title":false,"persistentChat":false},"success":true}""");
    }

    [Fact]
    public async Task Capabilities_OfTheCustomProvider_ComeFromSettings()
    {
        await UseProvidersAsync("custom");
        await factory.ChangeSettingAsync("Custom_Provider_URL_Template", "https://conf.example.org/{roomId}/{callId}?u={username}");
        await factory.ChangeSettingAsync("Custom_Provider_Capabilities", "mic,cam");
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.GetAsync("video-conference.capabilities");

        response.AssertBody(HttpStatusCode.OK,
            """{"providerName":"custom","capabilities":{"mic":true,"cam":true,"title":false,"persistentChat":false},"success":true}""");
    }

    [Fact]
    public async Task Capabilities_WhenNoProviderIsEnabled_ReturnsNoVideoconfProviderApp()
    {
        await UseProvidersAsync(string.Empty, "jitsi");
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.GetAsync("video-conference.capabilities");

        response.AssertPlainFailure("no-videoconf-provider-app");
    }

    [Fact]
    public async Task Capabilities_WithSeveralEnabledAndNoDefault_ReturnsNoActiveVideoConfProvider()
    {
        await UseProvidersAsync("jitsi,googlemeet");
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.GetAsync("video-conference.capabilities");

        response.AssertPlainFailure("no-active-video-conf-provider");
    }

    [Fact]
    public async Task Capabilities_WhenTheDefaultIsNotEnabled_ReturnsNoActiveVideoConfProvider()
    {
        await UseProvidersAsync("jitsi", "googlemeet");
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.GetAsync("video-conference.capabilities");

        response.AssertPlainFailure("no-active-video-conf-provider");
    }

    [Fact]
    public async Task Capabilities_WhenBigBlueButtonHasNoServer_ReturnsVideoConfProviderNotConfigured()
    {
        await UseProvidersAsync("bigbluebutton");
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.GetAsync("video-conference.capabilities");

        response.AssertPlainFailure("video-conf-provider-not-configured");
    }

    [Fact]
    public async Task Start_WhenNoProviderIsEnabled_ReturnsNoVideoconfProviderApp()
    {
        await UseProvidersAsync(string.Empty);
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();

        var response = await alice.PostAsync("video-conference.start", new { roomId });

        response.AssertPlainFailure("no-videoconf-provider-app");
        await AssertNoCallsAsync(alice, roomId);
    }

    [Fact]
    public async Task Start_WithSeveralEnabledAndNoDefault_ReturnsNoActiveVideoConfProvider()
    {
        await UseProvidersAsync("jitsi,googlemeet");
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();

        var response = await alice.PostAsync("video-conference.start", new { roomId });

        response.AssertPlainFailure("no-active-video-conf-provider");
    }

    [Fact]
    public async Task Start_WhenTheActiveProviderIsNotConfigured_ReturnsVideoConfProviderNotConfigured()
    {
        await UseProvidersAsync("jitsi,bigbluebutton", "bigbluebutton");
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();

        var response = await alice.PostAsync("video-conference.start", new { roomId });

        response.AssertPlainFailure("video-conf-provider-not-configured");
        await AssertNoCallsAsync(alice, roomId);
    }

    [Fact]
    public async Task Start_WithTheDefaultProvider_StoresItsNameAndUrl()
    {
        await UseProvidersAsync("jitsi,googlemeet", "googlemeet");
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();

        var response = await alice.PostAsync("video-conference.start", new { roomId });

        response.AssertOk();
        var callId = response.Json["data"]!["callId"]!.GetValue<string>();
        Assert.Equal("googlemeet", response.Json["data"]!["providerName"]!.GetValue<string>());
        var call = await alice.CallInfoAsync(callId);
        Assert.Equal($"http://g.co/meet/RocketChat_{callId}", call["url"]!.GetValue<string>());
        Assert.Equal("googlemeet", call["providerName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_WithTheCustomProvider_StoresTheTemplateWithEmptyUserPlaceholders()
    {
        await UseProvidersAsync("custom");
        await factory.ChangeSettingAsync("Custom_Provider_URL_Template", "https://conf.example.org/{roomId}/{callId}?u={username}");
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();
        var callId = await alice.StartCallAsync(roomId);

        var join = await alice.JoinCallAsync(callId);

        Assert.Equal($"https://conf.example.org/{roomId}/{callId}?u=", (await alice.CallInfoAsync(callId))["url"]!.GetValue<string>());
        join.AssertBody(HttpStatusCode.OK,
            $$"""{"url":"https://conf.example.org/{{roomId}}/{{callId}}?u={{alice.Username}}","providerName":"custom","success":true}""");
    }

    [Fact]
    public async Task Start_WhenTheRoomIsInaccessibleAndNoProviderIsEnabled_ReportsTheRoomFirst()
    {
        await UseProvidersAsync(string.Empty);
        var alice = await factory.NewUserAsync("alice");
        var mallory = await factory.NewUserAsync("mallory");
        var roomId = await alice.CreateGroupAsync();

        var response = await mallory.PostAsync("video-conference.start", new { roomId });

        response.AssertPlainFailure("invalid-params");
    }

    [Fact]
    public async Task Start_InAReadOnlyChannelWithNoProviderEnabled_ReportsTheReadOnlyRoomFirst()
    {
        await UseProvidersAsync(string.Empty);
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var roomId = await alice.CreateReadOnlyChannelAsync(bob);

        var response = await bob.PostAsync("video-conference.start", new { roomId });

        response.AssertPlainFailure("error-not-allowed-to-start-video-conference");
    }

    private async Task UseProvidersAsync(string enabled, string defaultProvider = "")
    {
        await factory.ChangeSettingAsync("VideoConf_Enabled_Providers", enabled);
        await factory.ChangeSettingAsync("VideoConf_Default_Provider", defaultProvider);
    }

    private static async Task AssertNoCallsAsync(ApiClient user, string roomId)
    {
        var list = await user.GetAsync($"video-conference.list?roomId={roomId}");
        list.AssertOk();
        Assert.Equal(0, list.Json["total"]!.GetValue<int>());
    }
}
