using System.Net;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Infrastructure.TestRooms;
using static VideoConf.Server.Tests.Rooms.RoomScenario;

namespace VideoConf.Server.Tests.Rooms;

/// <summary><c>channels.create</c> and <c>groups.create</c> (contract §3).</summary>
public sealed class NamedRoomCreateTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Theory]
    [InlineData("channels", "channel", "c")]
    [InlineData("groups", "group", "p")]
    public async Task Create_ByUser_ReturnsTheRoomObjectOwnedByTheCreator(string prefix, string key, string type)
    {
        var owner = await factory.NewUserAsync("owner");
        var name = UniqueName.For("room");
        var now = WireFormat.Date(factory.Time.GetUtcNow());

        var response = await owner.PostAsync($"{prefix}.create", new { name });

        response.AssertOk();
        var id = response.Json[key]!["_id"]!.GetValue<string>();
        Assert.Matches(WireFormat.RandomId(), id);
        response.AssertBody(HttpStatusCode.OK, $$"""
            {"{{key}}":{{RoomJson(id, type, name, owner, msgs: 0, usersCount: 1, ro: false, now, now)}},"success":true}
            """);
    }

    [Theory]
    [InlineData("channels", "c")]
    [InlineData("groups", "p")]
    public async Task Create_SubscribesTheCreatorWithRoomRoleOwner(string prefix, string type)
    {
        var owner = await factory.NewUserAsync("owner");
        var name = UniqueName.For("room");
        var now = WireFormat.Date(factory.Time.GetUtcNow());
        var room = await owner.CreateRoomAsync(prefix, name);

        var subscription = await SubscriptionAsync(owner, Id(room));

        subscription.AssertOk();
        var subscriptionId = subscription.Json["subscription"]!["_id"]!.GetValue<string>();
        subscription.AssertBody(HttpStatusCode.OK, $$"""
            {"subscription":{"_id":{{Quote(subscriptionId)}},"rid":{{Quote(Id(room))}},"u":{"_id":{{Quote(owner.UserId!)}},"username":{{Quote(owner.Username!)}}},
             "t":"{{type}}","name":{{Quote(name)}},"fname":{{Quote(name)}},"roles":["owner"],"open":true,"alert":false,"ts":"{{now}}","_updatedAt":"{{now}}",
             "unread":0,"userMentions":0,"groupMentions":0},"success":true}
            """);
    }

    [Theory]
    [InlineData("channels")]
    [InlineData("groups")]
    public async Task Create_WithMembers_SubscribesEveryMemberWithoutRoomRoles(string prefix)
    {
        var owner = await factory.NewUserAsync("owner");
        var first = await factory.NewUserAsync("member");
        var second = await factory.NewUserAsync("member");

        var room = await owner.CreateRoomAsync(prefix, UniqueName.For("room"), first.Username!, second.Username!);

        Assert.Equal(3, room["usersCount"]!.GetValue<int>());
        foreach (var member in new[] { first, second })
        {
            var subscription = await SubscriptionAsync(member, Id(room));
            subscription.AssertOk();
            Assert.Equal(member.UserId, subscription.Json["subscription"]!["u"]!["_id"]!.GetValue<string>());
            Assert.Equal("[]", subscription.Json["subscription"]!["roles"]!.ToJsonString());
        }
    }

    [Theory]
    [InlineData("channels", "channel")]
    [InlineData("groups", "group")]
    public async Task Create_WithReadOnly_ReturnsARoomWithRoTrue(string prefix, string key)
    {
        var owner = await factory.NewUserAsync("owner");

        var response = await owner.PostAsync($"{prefix}.create", new { name = UniqueName.For("room"), readOnly = true });

        response.AssertOk();
        Assert.True(response.Json[key]!["ro"]!.GetValue<bool>());
        var info = await InfoAsync(owner, response.Json[key]!["_id"]!.GetValue<string>());
        Assert.True(info.Json["room"]!["ro"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("channels", "channels")]
    [InlineData("groups", "groups")]
    [InlineData("channels", "groups")]
    [InlineData("groups", "channels")]
    public async Task Create_WithATakenName_ReturnsDuplicateChannelName(string firstPrefix, string secondPrefix)
    {
        var owner = await factory.NewUserAsync("owner");
        var other = await factory.NewUserAsync("other");
        var name = UniqueName.For("room");
        await owner.CreateRoomAsync(firstPrefix, name);

        var response = await other.PostAsync($"{secondPrefix}.create", new { name });

        response.AssertBody(HttpStatusCode.BadRequest, $$"""
            {"success":false,"error":"A channel with name '{{name}}' exists [error-duplicate-channel-name]","errorType":"error-duplicate-channel-name"}
            """);
    }

    [Theory]
    [InlineData("channels")]
    [InlineData("groups")]
    public async Task Create_InParallelWithOneName_CreatesExactlyOneRoom(string prefix)
    {
        var owner = await factory.NewUserAsync("owner");
        var name = UniqueName.For("room");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => owner.PostAsync($"{prefix}.create", new { name })));

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal("error-duplicate-channel-name", r.Json["errorType"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("channels", "channel")]
    [InlineData("groups", "group")]
    public async Task Create_WithCoercibleParams_CoercesThemAsRocketChatDoes(string prefix, string key)
    {
        var owner = await factory.NewUserAsync("owner");
        var number = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999);

        var response = await owner.PostAsync($"{prefix}.create", $$"""{"name":{{number}},"readOnly":"true"}""");

        response.AssertOk();
        Assert.Equal(number.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Json[key]!["name"]!.GetValue<string>());
        Assert.True(response.Json[key]!["ro"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("channels")]
    [InlineData("groups")]
    public async Task Create_ByGuest_Returns403(string prefix)
    {
        var guest = await factory.NewUserAsync("guest", "guest");
        var name = UniqueName.For("room");

        var response = await guest.PostAsync($"{prefix}.create", new { name });

        response.AssertForbidden();
        // Nothing was created: the name is still free.
        await (await factory.LoginAdminAsync()).CreateRoomAsync(prefix, name);
    }

    [Theory]
    [InlineData("channels")]
    [InlineData("groups")]
    public async Task Create_ByGuestWithInvalidParams_ReportsTheParamsBeforeThePermission(string prefix)
    {
        var guest = await factory.NewUserAsync("guest", "guest");

        var response = await guest.PostAsync($"{prefix}.create", new { });

        response.AssertInvalidParams("must have required property 'name'");
    }

    [Theory]
    [InlineData("channels", "", "must have required property 'name'")]
    [InlineData("groups", "", "must have required property 'name'")]
    [InlineData("channels", "{}", "must have required property 'name'")]
    [InlineData("groups", """{"members":["x"]}""", "must have required property 'name'")]
    [InlineData("channels", """{"extra":1}""", "must have required property 'name'")]
    [InlineData("channels", """{"name":"NAME","extra":1}""", "must NOT have additional properties")]
    [InlineData("groups", """{"name":"NAME","Members":[]}""", "must NOT have additional properties")]
    [InlineData("channels", """{"name":{"a":1}}""", "must be string")]
    [InlineData("groups", """{"name":["NAME"]}""", "must be string")]
    [InlineData("channels", """{"name":"NAME","members":"bob"}""", "must be array")]
    [InlineData("groups", """{"name":"NAME","members":[{"a":1}]}""", "must be string")]
    [InlineData("channels", """{"name":"NAME","readOnly":"yes"}""", "must be boolean")]
    [InlineData("groups", """{"name":"NAME","readOnly":[true]}""", "must be boolean")]
    public async Task Create_WithInvalidParams_ReturnsTheFirstValidationError(string prefix, string body, string message)
    {
        var owner = await factory.NewUserAsync("owner");

        var response = await owner.PostAsync($"{prefix}.create", body.Replace("NAME", UniqueName.For("room"), StringComparison.Ordinal));

        response.AssertInvalidParams(message);
    }

    [Theory]
    [InlineData("channels", "has space")]
    [InlineData("groups", "has space")]
    [InlineData("channels", "semi;colon")]
    [InlineData("groups", "slash/name")]
    public async Task Create_WithAnInvalidName_ReturnsInvalidRoomName(string prefix, string name)
    {
        var owner = await factory.NewUserAsync("owner");

        var response = await owner.PostAsync($"{prefix}.create", new { name });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.Json["success"]!.GetValue<bool>());
        Assert.Equal("error-invalid-room-name", response.Json["errorType"]!.GetValue<string>());
        Assert.EndsWith("[error-invalid-room-name]", response.Json["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
