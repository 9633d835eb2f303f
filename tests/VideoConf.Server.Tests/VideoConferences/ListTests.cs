using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary><c>video-conference.list</c>: the seed's shape and types, errors and room access.</summary>
public sealed class ListTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task List_OfAChannelCall_HasTheSeedsFieldsWithTheSchemasTypes()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var roomId = await alice.CreateChannelAsync(bob);
        var callId = await alice.StartCallAsync(roomId, allowRinging: true);
        (await bob.JoinCallAsync(callId)).AssertOk();

        var response = await alice.GetAsync($"video-conference.list?roomId={roomId}");

        response.AssertOk();
        var body = response.Json.AsObject();
        AssertKind(JsonValueKind.Number, body["offset"]);
        AssertKind(JsonValueKind.Number, body["count"]);
        AssertKind(JsonValueKind.Number, body["total"]);
        AssertKind(JsonValueKind.True, body["success"]);
        var call = Assert.Single(body["data"]!.AsArray())!.AsObject();
        AssertString(call, "_id", WireFormat.CallId());
        Assert.Equal("videoconference", call["type"]!.GetValue<string>());
        AssertString(call, "rid", $"^{roomId}$");
        AssertKind(JsonValueKind.Object, call["messages"]);
        AssertString(call["messages"]!.AsObject(), "started", "^.{17}$");
        AssertKind(JsonValueKind.Number, call["status"]);
        AssertKind(JsonValueKind.Number, call["anonymousUsers"]);
        AssertKind(JsonValueKind.False, call["ringing"]);
        AssertKind(JsonValueKind.String, call["title"]);
        AssertKind(JsonValueKind.String, call["providerName"]);
        AssertKind(JsonValueKind.String, call["url"]);
        AssertString(call, "createdAt", WireFormat.IsoDate());
        AssertString(call, "_updatedAt", WireFormat.IsoDate());
        var createdBy = call["createdBy"]!.AsObject();
        Assert.Equal(["_id", "name", "username"], createdBy.Select(p => p.Key).Order());
        Assert.All(createdBy, p => AssertKind(JsonValueKind.String, p.Value));
        var user = Assert.Single(call["users"]!.AsArray())!.AsObject();
        Assert.Equal(["_id", "username", "name", "avatarETag", "ts"], user.Select(p => p.Key));
        AssertString(user, "_id", $"^{bob.UserId}$");
        AssertString(user, "username", $"^{bob.Username}$");
        AssertKind(JsonValueKind.String, user["name"]);
        Assert.Null(user["avatarETag"]);
        AssertString(user, "ts", WireFormat.IsoDate());
    }

    [Fact]
    public async Task List_OfAnEndedCall_HasEndedAtAsAnIsoDate()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var roomId = await alice.CreateDirectAsync(bob);
        var callId = await alice.StartCallAsync(roomId, allowRinging: true);
        (await bob.CancelCallAsync(callId)).AssertOk();

        var response = await alice.GetAsync($"video-conference.list?roomId={roomId}");

        response.AssertOk();
        var call = Assert.Single(response.Json["data"]!.AsArray())!.AsObject();
        Assert.Equal(4, call["status"]!.GetValue<int>());
        AssertString(call, "endedAt", WireFormat.IsoDate());
        AssertKind(JsonValueKind.False, call["ringing"]);
        Assert.Equal(bob.UserId, call["endedBy"]!["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_ReturnsTheSameRecordAsInfo()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();
        var callId = await alice.StartCallAsync(roomId);
        (await alice.JoinCallAsync(callId)).AssertOk();

        var listed = (await alice.GetAsync($"video-conference.list?roomId={roomId}")).Json["data"]![0]!.AsObject();
        var info = await alice.CallInfoAsync(callId);
        info.Remove("capabilities");
        info.Remove("success");

        Assert.Equal(info.ToJsonString(), listed.ToJsonString());
    }

    [Fact]
    public async Task List_ReturnsTheNewestCallFirst()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();
        var first = await alice.StartCallAsync(roomId);
        var second = await alice.StartCallAsync(roomId);
        var third = await alice.StartCallAsync(roomId);

        var response = await alice.GetAsync($"video-conference.list?roomId={roomId}");

        Assert.Equal([third, second, first], response.Json["data"]!.AsArray().Select(c => c!["_id"]!.GetValue<string>()));
        Assert.Equal(3, response.Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_ShowsOnlyTheRoomsOwnCalls()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();
        var otherRoomId = await alice.CreateChannelAsync();
        var callId = await alice.StartCallAsync(roomId);
        await alice.StartCallAsync(otherRoomId);

        var response = await alice.GetAsync($"video-conference.list?roomId={roomId}");

        Assert.Equal([callId], response.Json["data"]!.AsArray().Select(c => c!["_id"]!.GetValue<string>()));
        Assert.Equal(1, response.Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_OfARoomWithoutCalls_IsAnEmptyPage()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateGroupAsync();

        var response = await alice.GetAsync($"video-conference.list?roomId={roomId}");

        response.AssertBody(HttpStatusCode.OK, """{"data":[],"offset":0,"count":0,"total":0,"success":true}""");
    }

    [Fact]
    public async Task List_WithoutRoomId_ReturnsTheSeedsBadRequest()
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.GetAsync("video-conference.list?count=10");

        response.AssertBody(HttpStatusCode.BadRequest,
            """{"success":false,"error":"must have required property 'roomId' [invalid-params]","errorType":"invalid-params"}""");
    }

    [Fact]
    public async Task List_WithAnUnknownParameter_ReturnsNoAdditionalProperties()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();

        var response = await alice.GetAsync($"video-conference.list?roomId={roomId}&sort=asc");

        response.AssertInvalidParams("must NOT have additional properties");
    }

    [Fact]
    public async Task List_WithARoomIdOfTheWrongCase_ReturnsRequiredPropertyError()
    {
        var alice = await factory.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();

        var response = await alice.GetAsync($"video-conference.list?roomid={roomId}");

        response.AssertInvalidParams("must have required property 'roomId'");
    }

    [Fact]
    public async Task List_WithPost_ReturnsResourceNotFound()
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.PostAsync("video-conference.list", new { roomId = "NoSuchRoom0000001" });

        response.AssertBody(HttpStatusCode.NotFound, ApiBodies.NotFound);
    }

    [Fact]
    public async Task List_WithoutCredentials_ReturnsThe401Body()
    {
        var response = await factory.CreateApiClient().GetAsync("video-conference.list?roomId=NoSuchRoom0000001");

        response.AssertNotLoggedIn();
    }

    [Fact]
    public async Task List_WithAWrongToken_ReturnsThe401Body()
    {
        var alice = await factory.NewUserAsync("alice");
        var impostor = factory.CreateApiClient().As(alice.UserId!, "wrong-token");

        var response = await impostor.GetAsync("video-conference.list");

        response.AssertNotLoggedIn();
    }

    [Fact]
    public async Task List_WhenTheRoomIsUnknown_ReturnsInvalidParams()
    {
        var alice = await factory.NewUserAsync("alice");

        var response = await alice.GetAsync("video-conference.list?roomId=NoSuchRoom0000001");

        response.AssertPlainFailure("invalid-params");
    }

    [Fact]
    public async Task List_WhenRoomIsNotAccessible_ReturnsInvalidParams()
    {
        var alice = await factory.NewUserAsync("alice");
        var outsider = await factory.NewUserAsync("outsider");
        var roomId = await alice.CreateGroupAsync();
        await alice.StartCallAsync(roomId);

        var response = await outsider.GetAsync($"video-conference.list?roomId={roomId}");

        response.AssertPlainFailure("invalid-params");
    }

    private static void AssertKind(JsonValueKind expected, JsonNode? node)
    {
        Assert.NotNull(node);
        Assert.Equal(expected, node.GetValueKind());
    }

    private static void AssertString(JsonObject owner, string name, string pattern) => AssertString(owner, name, new Regex(pattern));

    private static void AssertString(JsonObject owner, string name, Regex pattern)
    {
        AssertKind(JsonValueKind.String, owner[name]);
        Assert.Matches(pattern, owner[name]!.GetValue<string>());
    }
}
