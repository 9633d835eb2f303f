using System.Net;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Infrastructure.TestRooms;
using static VideoConf.Server.Tests.Rooms.RoomScenario;

namespace VideoConf.Server.Tests.Rooms;

/// <summary><c>rooms.info</c> and the contract's room access rule (§3).</summary>
public sealed class RoomInfoTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Info_ByGroupMember_ReturnsTheGroup()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var name = UniqueName.For("room");
        var now = WireFormat.Date(factory.Time.GetUtcNow());
        var room = await owner.CreateRoomAsync("groups", name, member.Username!);

        var response = await InfoAsync(member, Id(room));

        response.AssertBody(HttpStatusCode.OK, $$"""
            {"room":{{RoomJson(Id(room), "p", name, owner, msgs: 0, usersCount: 2, ro: false, now, now)}},"success":true}
            """);
    }

    [Fact]
    public async Task Info_ByNonMemberOfAPublicChannel_ReturnsTheChannel()
    {
        var owner = await factory.NewUserAsync("owner");
        var outsider = await factory.NewUserAsync("outsider");
        var name = UniqueName.For("room");
        var now = WireFormat.Date(factory.Time.GetUtcNow());
        var room = await owner.CreateRoomAsync("channels", name);

        var response = await InfoAsync(outsider, Id(room));

        response.AssertBody(HttpStatusCode.OK, $$"""
            {"room":{{RoomJson(Id(room), "c", name, owner, msgs: 0, usersCount: 1, ro: false, now, now)}},"success":true}
            """);
    }

    [Fact]
    public async Task Info_ByAdminNonMemberOfAPublicChannel_ReturnsTheChannel()
    {
        var owner = await factory.NewUserAsync("owner");
        var admin = await factory.LoginAdminAsync();
        var room = await owner.CreateRoomAsync("channels", UniqueName.For("room"));

        var response = await InfoAsync(admin, Id(room));

        response.AssertOk();
        Assert.Equal(Id(room), Id(response.Json["room"]!));
    }

    [Fact]
    public async Task Info_ByGuestNonMemberOfAPublicChannel_ReturnsNotAllowed()
    {
        var owner = await factory.NewUserAsync("owner");
        var guest = await factory.NewUserAsync("guest", "guest");
        var room = await owner.CreateRoomAsync("channels", UniqueName.For("room"));

        var response = await InfoAsync(guest, Id(room));

        response.AssertBody(HttpStatusCode.BadRequest, ApiBodies.RoomNotAllowed);
    }

    [Fact]
    public async Task Info_ByGuestMemberOfAPublicChannel_ReturnsTheChannel()
    {
        var owner = await factory.NewUserAsync("owner");
        var guest = await factory.NewUserAsync("guest", "guest");
        var room = await owner.CreateRoomAsync("channels", UniqueName.For("room"), guest.Username!);

        var response = await InfoAsync(guest, Id(room));

        response.AssertOk();
        Assert.Equal(Id(room), Id(response.Json["room"]!));
    }

    [Fact]
    public async Task Info_ByNonMemberOfAPrivateGroup_ReturnsNotAllowed()
    {
        var owner = await factory.NewUserAsync("owner");
        var outsider = await factory.NewUserAsync("outsider");
        var room = await owner.CreateRoomAsync("groups", UniqueName.For("room"));

        var response = await InfoAsync(outsider, Id(room));

        response.AssertBody(HttpStatusCode.BadRequest, ApiBodies.RoomNotAllowed);
    }

    [Fact]
    public async Task Info_ByAdminNonMemberOfAPrivateGroup_ReturnsNotAllowed()
    {
        var owner = await factory.NewUserAsync("owner");
        var admin = await factory.LoginAdminAsync();
        var room = await owner.CreateRoomAsync("groups", UniqueName.For("room"));

        var response = await InfoAsync(admin, Id(room));

        response.AssertBody(HttpStatusCode.BadRequest, ApiBodies.RoomNotAllowed);
    }

    [Fact]
    public async Task Info_ByDirectRoomMember_ReturnsTheDirectRoomWithItsUsers()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var direct = await alice.CreateDirectRoomAsync(bob.Username!);

        var response = await InfoAsync(bob, Id(direct));

        response.AssertOk();
        var room = response.Json["room"]!;
        Assert.Equal(Id(direct), Id(room));
        Assert.Equal("d", room["t"]!.GetValue<string>());
        Assert.Equal(2, room["uids"]!.AsArray().Count);
        Assert.Equal(2, room["usernames"]!.AsArray().Count);
    }

    [Fact]
    public async Task Info_ByNonMemberOfADirectRoom_ReturnsNotAllowed()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var outsider = await factory.NewUserAsync("outsider");
        var direct = await alice.CreateDirectRoomAsync(bob.Username!);

        var response = await InfoAsync(outsider, Id(direct));

        response.AssertBody(HttpStatusCode.BadRequest, ApiBodies.RoomNotAllowed);
    }

    [Fact]
    public async Task Info_ByAdminNonMemberOfADirectRoom_ReturnsNotAllowed()
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var admin = await factory.LoginAdminAsync();
        var direct = await alice.CreateDirectRoomAsync(bob.Username!);

        var response = await InfoAsync(admin, Id(direct));

        response.AssertBody(HttpStatusCode.BadRequest, ApiBodies.RoomNotAllowed);
    }

    [Theory]
    [InlineData("roomId=Nonexistent1234ab")]
    [InlineData("roomId=")]
    [InlineData("roomName=no-such-room-anywhere")]
    public async Task Info_OfAnUnknownRoom_ReturnsNotAllowed(string query)
    {
        var user = await factory.NewUserAsync("user");

        var response = await user.GetAsync($"rooms.info?{query}");

        response.AssertBody(HttpStatusCode.BadRequest, ApiBodies.RoomNotAllowed);
    }

    [Theory]
    [InlineData("channels")]
    [InlineData("groups")]
    public async Task Info_ByRoomNameAsMember_ReturnsTheRoom(string prefix)
    {
        var owner = await factory.NewUserAsync("owner");
        var name = UniqueName.For("room");
        var room = await owner.CreateRoomAsync(prefix, name);

        var response = await owner.GetAsync($"rooms.info?roomName={name}");

        response.AssertOk();
        Assert.Equal(Id(room), Id(response.Json["room"]!));
        Assert.Equal(name, response.Json["room"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Info_ByRoomNameOfAGroupAsNonMember_ReturnsNotAllowed()
    {
        var owner = await factory.NewUserAsync("owner");
        var outsider = await factory.NewUserAsync("outsider");
        var name = UniqueName.For("room");
        await owner.CreateRoomAsync("groups", name);

        var response = await outsider.GetAsync($"rooms.info?roomName={name}");

        response.AssertBody(HttpStatusCode.BadRequest, ApiBodies.RoomNotAllowed);
    }

    [Theory]
    [InlineData("", "must have required property 'roomId'")]
    [InlineData("?other=1", "must have required property 'roomId'")]
    [InlineData("?roomId=a&extra=1", "must NOT have additional properties")]
    [InlineData("?roomId=a&roomId=b", "must be string")]
    [InlineData("?RoomId=a", "must have required property 'roomId'")]
    public async Task Info_WithInvalidParams_ReturnsTheFirstValidationError(string query, string message)
    {
        var user = await factory.NewUserAsync("user");

        var response = await user.GetAsync($"rooms.info{query}");

        response.AssertInvalidParams(message);
    }
}
