using System.Net;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Rooms.RoomScenario;

namespace VideoConf.Server.Tests.Rooms;

/// <summary><c>rooms.info</c> and the contract's room access rule (§3).</summary>
public sealed class RoomInfoTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Info_ByGroupMember_ReturnsTheGroup()
    {
        var owner = await factory.CreateUserAsync(Unique("owner"));
        var member = await factory.CreateUserAsync(Unique("member"));
        var name = Unique("room");
        var now = Iso(factory.Time.GetUtcNow());
        var room = await CreateRoomAsync(owner, "groups", name, member.Username!);

        var response = await InfoAsync(member, Id(room));

        response.AssertBody(HttpStatusCode.OK, $$"""
            {"room":{{RoomJson(Id(room), "p", name, owner, msgs: 0, usersCount: 2, ro: false, now, now)}},"success":true}
            """);
    }

    [Fact]
    public async Task Info_ByNonMemberOfAPublicChannel_ReturnsTheChannel()
    {
        var owner = await factory.CreateUserAsync(Unique("owner"));
        var outsider = await factory.CreateUserAsync(Unique("outsider"));
        var name = Unique("room");
        var now = Iso(factory.Time.GetUtcNow());
        var room = await CreateRoomAsync(owner, "channels", name);

        var response = await InfoAsync(outsider, Id(room));

        response.AssertBody(HttpStatusCode.OK, $$"""
            {"room":{{RoomJson(Id(room), "c", name, owner, msgs: 0, usersCount: 1, ro: false, now, now)}},"success":true}
            """);
    }

    [Fact]
    public async Task Info_ByAdminNonMemberOfAPublicChannel_ReturnsTheChannel()
    {
        var owner = await factory.CreateUserAsync(Unique("owner"));
        var admin = await factory.LoginAdminAsync();
        var room = await CreateRoomAsync(owner, "channels", Unique("room"));

        var response = await InfoAsync(admin, Id(room));

        response.AssertOk();
        Assert.Equal(Id(room), Id(response.Json["room"]!));
    }

    [Fact]
    public async Task Info_ByGuestNonMemberOfAPublicChannel_ReturnsNotAllowed()
    {
        var owner = await factory.CreateUserAsync(Unique("owner"));
        var guest = await factory.CreateUserAsync(Unique("guest"), "guest");
        var room = await CreateRoomAsync(owner, "channels", Unique("room"));

        var response = await InfoAsync(guest, Id(room));

        response.AssertBody(HttpStatusCode.BadRequest, RoomNotAllowedJson);
    }

    [Fact]
    public async Task Info_ByGuestMemberOfAPublicChannel_ReturnsTheChannel()
    {
        var owner = await factory.CreateUserAsync(Unique("owner"));
        var guest = await factory.CreateUserAsync(Unique("guest"), "guest");
        var room = await CreateRoomAsync(owner, "channels", Unique("room"), guest.Username!);

        var response = await InfoAsync(guest, Id(room));

        response.AssertOk();
        Assert.Equal(Id(room), Id(response.Json["room"]!));
    }

    [Fact]
    public async Task Info_ByNonMemberOfAPrivateGroup_ReturnsNotAllowed()
    {
        var owner = await factory.CreateUserAsync(Unique("owner"));
        var outsider = await factory.CreateUserAsync(Unique("outsider"));
        var room = await CreateRoomAsync(owner, "groups", Unique("room"));

        var response = await InfoAsync(outsider, Id(room));

        response.AssertBody(HttpStatusCode.BadRequest, RoomNotAllowedJson);
    }

    [Fact]
    public async Task Info_ByAdminNonMemberOfAPrivateGroup_ReturnsNotAllowed()
    {
        var owner = await factory.CreateUserAsync(Unique("owner"));
        var admin = await factory.LoginAdminAsync();
        var room = await CreateRoomAsync(owner, "groups", Unique("room"));

        var response = await InfoAsync(admin, Id(room));

        response.AssertBody(HttpStatusCode.BadRequest, RoomNotAllowedJson);
    }

    [Fact]
    public async Task Info_ByDirectRoomMember_ReturnsTheDirectRoomWithItsUsers()
    {
        var alice = await factory.CreateUserAsync(Unique("alice"));
        var bob = await factory.CreateUserAsync(Unique("bob"));
        var direct = await CreateDirectAsync(alice, bob.Username!);

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
        var alice = await factory.CreateUserAsync(Unique("alice"));
        var bob = await factory.CreateUserAsync(Unique("bob"));
        var outsider = await factory.CreateUserAsync(Unique("outsider"));
        var direct = await CreateDirectAsync(alice, bob.Username!);

        var response = await InfoAsync(outsider, Id(direct));

        response.AssertBody(HttpStatusCode.BadRequest, RoomNotAllowedJson);
    }

    [Fact]
    public async Task Info_ByAdminNonMemberOfADirectRoom_ReturnsNotAllowed()
    {
        var alice = await factory.CreateUserAsync(Unique("alice"));
        var bob = await factory.CreateUserAsync(Unique("bob"));
        var admin = await factory.LoginAdminAsync();
        var direct = await CreateDirectAsync(alice, bob.Username!);

        var response = await InfoAsync(admin, Id(direct));

        response.AssertBody(HttpStatusCode.BadRequest, RoomNotAllowedJson);
    }

    [Theory]
    [InlineData("roomId=Nonexistent1234ab")]
    [InlineData("roomId=")]
    [InlineData("roomName=no-such-room-anywhere")]
    public async Task Info_OfAnUnknownRoom_ReturnsNotAllowed(string query)
    {
        var user = await factory.CreateUserAsync(Unique("user"));

        var response = await user.GetAsync($"rooms.info?{query}");

        response.AssertBody(HttpStatusCode.BadRequest, RoomNotAllowedJson);
    }

    [Theory]
    [InlineData("channels")]
    [InlineData("groups")]
    public async Task Info_ByRoomNameAsMember_ReturnsTheRoom(string prefix)
    {
        var owner = await factory.CreateUserAsync(Unique("owner"));
        var name = Unique("room");
        var room = await CreateRoomAsync(owner, prefix, name);

        var response = await owner.GetAsync($"rooms.info?roomName={name}");

        response.AssertOk();
        Assert.Equal(Id(room), Id(response.Json["room"]!));
        Assert.Equal(name, response.Json["room"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Info_ByRoomNameOfAGroupAsNonMember_ReturnsNotAllowed()
    {
        var owner = await factory.CreateUserAsync(Unique("owner"));
        var outsider = await factory.CreateUserAsync(Unique("outsider"));
        var name = Unique("room");
        await CreateRoomAsync(owner, "groups", name);

        var response = await outsider.GetAsync($"rooms.info?roomName={name}");

        response.AssertBody(HttpStatusCode.BadRequest, RoomNotAllowedJson);
    }

    [Theory]
    [InlineData("", "must have required property 'roomId'")]
    [InlineData("?other=1", "must have required property 'roomId'")]
    [InlineData("?roomId=a&extra=1", "must NOT have additional properties")]
    [InlineData("?roomId=a&roomId=b", "must be string")]
    [InlineData("?RoomId=a", "must have required property 'roomId'")]
    public async Task Info_WithInvalidParams_ReturnsTheFirstValidationError(string query, string message)
    {
        var user = await factory.CreateUserAsync(Unique("user"));

        var response = await user.GetAsync($"rooms.info{query}");

        response.AssertInvalidParams(message);
    }
}
