using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.VideoConferences;

public sealed class InfoTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Info_OfAFreshChannelCall_IsTheRecordPlusCapabilitiesInContractOrder()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();
        var now = WireFormat.Date(factory.Time.GetUtcNow());
        var callId = await alice.StartCallAsync(roomId, title: "Planning");
        var messageId = (await alice.CallInfoAsync(callId))["messages"]!["started"]!.GetValue<string>();

        var response = await alice.GetAsync($"video-conference.info?callId={callId}");

        response.AssertBody(HttpStatusCode.OK, $$"""
            {"_id":"{{callId}}","type":"videoconference","rid":"{{roomId}}","users":[],"messages":{"started":"{{messageId}}"},
             "status":1,"anonymousUsers":0,"title":"Planning","createdAt":"{{now}}",
             "createdBy":{"_id":"{{alice.UserId}}","name":"Name of {{alice.Username}}","username":"{{alice.Username}}"},
             "providerName":"jitsi","url":"https://meet.jit.si/RocketChat{{callId}}","_updatedAt":"{{now}}",
             "capabilities":{"mic":true,"cam":true,"title":true,"persistentChat":false},"success":true}
            """);
        Assert.Matches(WireFormat.RandomId(), messageId);
    }

    [Fact]
    public async Task Info_OfADeclinedDirectCall_HasRingingEndedAtAndEndedBy()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var roomId = await alice.CreateDirectAsync(bob);
        var now = WireFormat.Date(factory.Time.GetUtcNow());
        var callId = await alice.StartCallAsync(roomId, allowRinging: true);
        (await bob.CancelCallAsync(callId)).AssertOk();
        var messageId = (await alice.CallInfoAsync(callId))["messages"]!["started"]!.GetValue<string>();

        var response = await alice.GetAsync($"video-conference.info?callId={callId}");

        response.AssertBody(HttpStatusCode.OK, $$"""
            {"_id":"{{callId}}","type":"direct","rid":"{{roomId}}","users":[],"messages":{"started":"{{messageId}}"},
             "status":4,"createdAt":"{{now}}",
             "createdBy":{"_id":"{{alice.UserId}}","name":"Name of {{alice.Username}}","username":"{{alice.Username}}"},
             "providerName":"jitsi","ringing":false,"url":"https://meet.jit.si/RocketChat{{callId}}","endedAt":"{{now}}",
             "endedBy":{"_id":"{{bob.UserId}}","name":"Name of {{bob.Username}}","username":"{{bob.Username}}"},
             "_updatedAt":"{{now}}",
             "capabilities":{"mic":true,"cam":true,"title":true,"persistentChat":false},"success":true}
            """);
    }

    [Fact]
    public async Task Info_NeverRevealsPrivateFields()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var callId = await alice.StartCallAsync(await alice.CreateDirectAsync(bob), allowRinging: true);

        var call = await alice.CallInfoAsync(callId);

        Assert.DoesNotContain(call, p => p.Key is "calleeId" or "ringingUntil" or "providerData" or "seq");
    }

    [Fact]
    public async Task Info_ByAPublicChannelNonMember_ReturnsTheCall()
    {
        var alice = await factory.NewUserAsync("alice");
        var outsider = await factory.NewUserAsync("outsider");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());

        var call = await outsider.CallInfoAsync(callId);

        Assert.Equal(callId, call["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Info_ByAGroupNonMember_ReturnsInvalidParams()
    {
        var alice = await factory.NewUserAsync("alice");
        var outsider = await factory.NewUserAsync("outsider");
        var callId = await alice.StartCallAsync(await alice.CreateGroupAsync());

        var response = await outsider.GetAsync($"video-conference.info?callId={callId}");

        response.AssertPlainFailure("invalid-params");
    }

    [Fact]
    public async Task Info_OfAnUnknownCall_ReturnsInvalidParams()
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.GetAsync("video-conference.info?callId=0123456789abcdef01234567");

        response.AssertPlainFailure("invalid-params");
    }

    [Fact]
    public async Task Info_WithoutCallId_ReturnsRequiredPropertyError()
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.GetAsync("video-conference.info");

        response.AssertInvalidParams("must have required property 'callId'");
    }

    [Fact]
    public async Task Info_WithCallIdGivenTwice_ReturnsMustBeString()
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.GetAsync("video-conference.info?callId=a&callId=b");

        response.AssertInvalidParams("must be string");
    }

    [Fact]
    public async Task Info_WithoutCredentials_Returns401()
    {
        var response = await factory.CreateApiClient().GetAsync("video-conference.info?callId=0123456789abcdef01234567");

        response.AssertNotLoggedIn();
    }
}
