using System.Net;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Infrastructure.TestRooms;
using static VideoConf.Server.Tests.Rooms.RoomScenario;

namespace VideoConf.Server.Tests.Rooms;

/// <summary><c>channels.kick</c> and <c>groups.kick</c> (contract §3).</summary>
public sealed class RoomKickTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task ChannelsKick_ByOwner_ReturnsTheChannelWithUsersCountDecreased()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var name = UniqueName.For("room");
        var now = WireFormat.Date(factory.Time.GetUtcNow());
        var room = await owner.CreateRoomAsync("channels", name, member.Username!);
        Assert.Equal(2, room["usersCount"]!.GetValue<int>());

        var response = await owner.PostAsync("channels.kick", new { roomId = Id(room), userId = member.UserId });

        response.AssertBody(HttpStatusCode.OK, $$"""
            {"channel":{{RoomJson(Id(room), "c", name, owner, msgs: 0, usersCount: 1, ro: false, now, now)}},"success":true}
            """);
    }

    // Rocket.Chat's groups.kick answers an empty success; the contract does not fix the body, so only the effect is checked.
    [Theory]
    [InlineData("channels")]
    [InlineData("groups")]
    public async Task Kick_ByOwner_UnsubscribesTheMemberAndDecreasesUsersCount(string prefix)
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var other = await factory.NewUserAsync("other");
        var room = await owner.CreateRoomAsync(prefix, UniqueName.For("room"), member.Username!, other.Username!);
        Assert.Equal(3, room["usersCount"]!.GetValue<int>());

        var response = await owner.PostAsync($"{prefix}.kick", new { roomId = Id(room), userId = member.UserId });

        response.AssertOk();
        Assert.Equal(2, await UsersCountAsync(owner, Id(room)));
        (await SubscriptionAsync(member, Id(room))).AssertBody(HttpStatusCode.OK, """{"subscription":null,"success":true}""");
        (await SubscriptionAsync(other, Id(room))).AssertOk();
        Assert.NotNull((await SubscriptionAsync(other, Id(room))).Json["subscription"]);
    }

    [Fact]
    public async Task GroupsKick_ByOwner_TakesAwayTheMembersAccess()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var room = await owner.CreateRoomAsync("groups", UniqueName.For("room"), member.Username!);
        (await InfoAsync(member, Id(room))).AssertOk();

        (await owner.PostAsync("groups.kick", new { roomId = Id(room), userId = member.UserId })).AssertOk();

        (await InfoAsync(member, Id(room))).AssertBody(HttpStatusCode.BadRequest, ApiBodies.RoomNotAllowed);
    }

    [Theory]
    [InlineData("channels")]
    [InlineData("groups")]
    public async Task Kick_ByPlainMember_Returns403(string prefix)
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var victim = await factory.NewUserAsync("victim");
        var room = await owner.CreateRoomAsync(prefix, UniqueName.For("room"), member.Username!, victim.Username!);

        var response = await member.PostAsync($"{prefix}.kick", new { roomId = Id(room), userId = victim.UserId });

        response.AssertForbidden();
        Assert.Equal(3, await UsersCountAsync(owner, Id(room)));
        (await SubscriptionAsync(victim, Id(room))).AssertOk();
        Assert.NotNull((await SubscriptionAsync(victim, Id(room))).Json["subscription"]);
    }

    [Fact]
    public async Task ChannelsKick_ByNonMemberUser_Returns403()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var outsider = await factory.NewUserAsync("outsider");
        var room = await owner.CreateRoomAsync("channels", UniqueName.For("room"), member.Username!);

        var response = await outsider.PostAsync("channels.kick", new { roomId = Id(room), userId = member.UserId });

        response.AssertForbidden();
        Assert.Equal(2, await UsersCountAsync(owner, Id(room)));
    }

    [Fact]
    public async Task GroupsKick_ByNonMember_ReturnsRoomNotFound()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var outsider = await factory.NewUserAsync("outsider");
        var room = await owner.CreateRoomAsync("groups", UniqueName.For("room"), member.Username!);

        var response = await outsider.PostAsync("groups.kick", new { roomId = Id(room), userId = member.UserId });

        response.AssertBody(HttpStatusCode.BadRequest, RoomNotFoundJson("group"));
        Assert.Equal(2, await UsersCountAsync(owner, Id(room)));
    }

    [Theory]
    [InlineData("channels")]
    [InlineData("groups")]
    public async Task Kick_OfAUserNotInTheRoom_Returns400(string prefix)
    {
        var owner = await factory.NewUserAsync("owner");
        var outsider = await factory.NewUserAsync("outsider");
        var room = await owner.CreateRoomAsync(prefix, UniqueName.For("room"));

        var response = await owner.PostAsync($"{prefix}.kick", new { roomId = Id(room), userId = outsider.UserId });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.Json["success"]!.GetValue<bool>());
        Assert.Equal("error-user-not-in-room", response.Json["errorType"]?.GetValue<string>());
        Assert.Equal(1, await UsersCountAsync(owner, Id(room)));
    }

    [Theory]
    [InlineData("channels", "groups", "channel")]
    [InlineData("groups", "channels", "group")]
    public async Task Kick_WithARoomOfTheOtherKind_ReturnsRoomNotFound(string prefix, string otherPrefix, string noun)
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var room = await owner.CreateRoomAsync(otherPrefix, UniqueName.For("room"), member.Username!);

        var response = await owner.PostAsync($"{prefix}.kick", new { roomId = Id(room), userId = member.UserId });

        response.AssertBody(HttpStatusCode.BadRequest, RoomNotFoundJson(noun));
        Assert.Equal(2, await UsersCountAsync(owner, Id(room)));
    }

    [Theory]
    [InlineData("channels", "channel")]
    [InlineData("groups", "group")]
    public async Task Kick_WithAnUnknownRoomId_ReturnsRoomNotFound(string prefix, string noun)
    {
        var owner = await factory.NewUserAsync("owner");

        var response = await owner.PostAsync($"{prefix}.kick", new { roomId = "Nonexistent1234ab", userId = owner.UserId });

        response.AssertBody(HttpStatusCode.BadRequest, RoomNotFoundJson(noun));
    }

    [Theory]
    [InlineData("channels", """{"roomId":"x"}""", "must have required property 'userId'")]
    [InlineData("groups", "{}", "must have required property 'roomId'")]
    [InlineData("groups", """{"roomId":"x","userId":"y","reason":"spam"}""", "must NOT have additional properties")]
    [InlineData("channels", """{"roomId":"x","userId":["y"]}""", "must be string")]
    public async Task Kick_WithInvalidParams_ReturnsTheFirstValidationError(string prefix, string body, string message)
    {
        var owner = await factory.NewUserAsync("owner");

        var response = await owner.PostAsync($"{prefix}.kick", body);

        response.AssertInvalidParams(message);
    }
}
