using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary>JSON body coercion (§1.2) on the call endpoints: booleans given as strings or numbers.</summary>
public sealed class CoercionTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Start_WithAllowRingingAsTheStringTrue_Rings()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var roomId = await alice.CreateDirectAsync(bob);

        var response = await alice.PostAsync("video-conference.start", $$"""{"roomId":"{{roomId}}","allowRinging":"true"}""");

        response.AssertOk();
        Assert.Equal("direct", response.Json["data"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_WithAllowRingingAsOne_Rings()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();

        var response = await alice.PostAsync("video-conference.start", $$"""{"roomId":"{{roomId}}","allowRinging":1}""");

        response.AssertOk();
        var call = await alice.CallInfoAsync(response.Json["data"]!["callId"]!.GetValue<string>());
        Assert.True(call["ringing"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Start_WithANumericTitle_UsesItsText()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();

        var response = await alice.PostAsync("video-conference.start", $$"""{"roomId":"{{roomId}}","title":2026}""");

        response.AssertOk();
        var call = await alice.CallInfoAsync(response.Json["data"]!["callId"]!.GetValue<string>());
        Assert.Equal("2026", call["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Join_WithMediaStateAsStringsAndNumbers_CoercesThemToBooleans()
    {
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());

        var response = await alice.PostAsync("video-conference.join", $$$"""{"callId":"{{{callId}}}","state":{"mic":"false","cam":1}}""");

        response.AssertOk();
        Assert.StartsWith(
            $"https://meet.jit.si/RocketChat{callId}#config.startWithAudioMuted=true&config.startWithVideoMuted=false&userInfo.displayName=",
            response.Json["url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_WithAnUnknownStateProperty_ReturnsNoAdditionalProperties()
    {
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());

        var response = await alice.PostAsync("video-conference.join", $$$"""{"callId":"{{{callId}}}","state":{"screen":true}}""");

        response.AssertInvalidParams("must NOT have additional properties");
    }

    [Fact]
    public async Task Start_ByABotMemberWithRingingAllowed_DoesNotRingTheChannel()
    {
        // Bots lack videoconf-ring-users, and this one is a plain member (not the room's owner).
        var alice = await factory.NewUserAsync("alice");
        var bot = await factory.NewUserAsync("bot", "bot");
        var roomId = await alice.CreateChannelAsync(bot);

        var call = await bot.CallInfoAsync(await bot.StartCallAsync(roomId, allowRinging: true));

        Assert.False(call.ContainsKey("ringing"));
    }

    [Fact]
    public async Task Start_ByABotOwningTheChannelWithRingingAllowed_RingsAsTheOwner()
    {
        // The room role owner grants videoconf-ring-users.
        var bot = await factory.NewUserAsync("bot", "bot");
        var roomId = await bot.CreateChannelAsync();

        var call = await bot.CallInfoAsync(await bot.StartCallAsync(roomId, allowRinging: true));

        Assert.True(call["ringing"]!.GetValue<bool>());
    }
}
