using System.Net;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Infrastructure.TestRooms;
using static VideoConf.Server.Tests.Rooms.RoomScenario;

namespace VideoConf.Server.Tests.Rooms;

/// <summary><c>channels.join</c> (contract §3).</summary>
public sealed class ChannelJoinTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Join_OfAPublicChannel_SubscribesTheCallerAndReturnsTheChannel()
    {
        var owner = await factory.NewUserAsync("owner");
        var joiner = await factory.NewUserAsync("joiner");
        var name = UniqueName.For("room");
        var now = WireFormat.Date(factory.Time.GetUtcNow());
        var room = await owner.CreateRoomAsync("channels", name);

        var response = await joiner.PostAsync("channels.join", new { roomId = Id(room) });

        response.AssertBody(HttpStatusCode.OK, $$"""
            {"channel":{{RoomJson(Id(room), "c", name, owner, msgs: 0, usersCount: 2, ro: false, now, now)}},"success":true}
            """);
        var subscription = await SubscriptionAsync(joiner, Id(room));
        Assert.Equal(joiner.UserId, subscription.Json["subscription"]!["u"]!["_id"]!.GetValue<string>());
        Assert.Equal("[]", subscription.Json["subscription"]!["roles"]!.ToJsonString());
    }

    [Fact]
    public async Task Join_Twice_SucceedsAndCountsTheCallerOnce()
    {
        var owner = await factory.NewUserAsync("owner");
        var joiner = await factory.NewUserAsync("joiner");
        var room = await owner.CreateRoomAsync("channels", UniqueName.For("room"));

        var first = await joiner.PostAsync("channels.join", new { roomId = Id(room) });
        var second = await joiner.PostAsync("channels.join", new { roomId = Id(room) });

        first.AssertOk();
        second.AssertOk();
        Assert.Equal(2, second.Json["channel"]!["usersCount"]!.GetValue<int>());
        Assert.Equal(2, await UsersCountAsync(owner, Id(room)));
    }

    [Fact]
    public async Task Join_ByTheOwner_DoesNotChangeUsersCountOrRoles()
    {
        var owner = await factory.NewUserAsync("owner");
        var room = await owner.CreateRoomAsync("channels", UniqueName.For("room"));

        var response = await owner.PostAsync("channels.join", new { roomId = Id(room) });

        response.AssertOk();
        Assert.Equal(1, response.Json["channel"]!["usersCount"]!.GetValue<int>());
        var subscription = await SubscriptionAsync(owner, Id(room));
        Assert.Equal("""["owner"]""", subscription.Json["subscription"]!["roles"]!.ToJsonString());
    }

    [Fact]
    public async Task Join_InParallelBySeveralUsers_CountsEachUserOnce()
    {
        var owner = await factory.NewUserAsync("owner");
        var room = await owner.CreateRoomAsync("channels", UniqueName.For("room"));
        var joiners = new List<ApiClient>();
        for (var i = 0; i < 6; i++)
        {
            joiners.Add(await factory.NewUserAsync("joiner"));
        }

        var responses = await Task.WhenAll(joiners.SelectMany(j => new[] { j, j }).Select(j => j.PostAsync("channels.join", new { roomId = Id(room) })));

        Assert.All(responses, r => r.AssertOk());
        Assert.Equal(7, await UsersCountAsync(owner, Id(room)));
    }

    [Fact]
    public async Task Join_OfAPrivateGroup_ReturnsRoomNotFoundAndDoesNotJoin()
    {
        var owner = await factory.NewUserAsync("owner");
        var outsider = await factory.NewUserAsync("outsider");
        var group = await owner.CreateRoomAsync("groups", UniqueName.For("room"));

        var response = await outsider.PostAsync("channels.join", new { roomId = Id(group) });

        response.AssertBody(HttpStatusCode.BadRequest, RoomNotFoundJson("channel"));
        Assert.Equal(1, await UsersCountAsync(owner, Id(group)));
        (await SubscriptionAsync(outsider, Id(group))).AssertBody(HttpStatusCode.OK, """{"subscription":null,"success":true}""");
    }

    [Fact]
    public async Task Join_OfAnUnknownRoom_ReturnsRoomNotFound()
    {
        var joiner = await factory.NewUserAsync("joiner");

        var response = await joiner.PostAsync("channels.join", new { roomId = "Nonexistent1234ab" });

        response.AssertBody(HttpStatusCode.BadRequest, RoomNotFoundJson("channel"));
    }

    [Theory]
    [InlineData("{}", "must have required property 'roomId'")]
    [InlineData("""{"roomId":{"a":1}}""", "must be string")]
    [InlineData("""{"roomId":"x","userId":"y"}""", "must NOT have additional properties")]
    public async Task Join_WithInvalidParams_ReturnsTheFirstValidationError(string body, string message)
    {
        var joiner = await factory.NewUserAsync("joiner");

        var response = await joiner.PostAsync("channels.join", body);

        response.AssertInvalidParams(message);
    }
}
