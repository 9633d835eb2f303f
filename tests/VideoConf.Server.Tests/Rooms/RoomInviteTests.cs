using System.Net;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Infrastructure.TestRooms;
using static VideoConf.Server.Tests.Rooms.RoomScenario;

namespace VideoConf.Server.Tests.Rooms;

/// <summary><c>channels.invite</c> and <c>groups.invite</c> (contract §3).</summary>
public sealed class RoomInviteTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Theory]
    [InlineData("channels", "channel", "c")]
    [InlineData("groups", "group", "p")]
    public async Task Invite_ByOwner_SubscribesTheUserAndReturnsTheRoom(string prefix, string key, string type)
    {
        var owner = await factory.NewUserAsync("owner");
        var invitee = await factory.NewUserAsync("invitee");
        var name = UniqueName.For("room");
        var now = WireFormat.Date(factory.Time.GetUtcNow());
        var room = await owner.CreateRoomAsync(prefix, name);

        var response = await owner.PostAsync($"{prefix}.invite", new { roomId = Id(room), userId = invitee.UserId });

        response.AssertBody(HttpStatusCode.OK, $$"""
            {"{{key}}":{{RoomJson(Id(room), type, name, owner, msgs: 0, usersCount: 2, ro: false, now, now)}},"success":true}
            """);
        var subscription = await SubscriptionAsync(invitee, Id(room));
        subscription.AssertOk();
        Assert.Equal(invitee.UserId, subscription.Json["subscription"]!["u"]!["_id"]!.GetValue<string>());
        Assert.Equal("[]", subscription.Json["subscription"]!["roles"]!.ToJsonString());
    }

    [Fact]
    public async Task Invite_IntoAGroup_GivesTheInviteeAccessToIt()
    {
        var owner = await factory.NewUserAsync("owner");
        var invitee = await factory.NewUserAsync("invitee");
        var room = await owner.CreateRoomAsync("groups", UniqueName.For("room"));
        (await InfoAsync(invitee, Id(room))).AssertBody(HttpStatusCode.BadRequest, ApiBodies.RoomNotAllowed);

        (await owner.PostAsync("groups.invite", new { roomId = Id(room), userId = invitee.UserId })).AssertOk();

        var info = await InfoAsync(invitee, Id(room));
        info.AssertOk();
        Assert.Equal(Id(room), Id(info.Json["room"]!));
    }

    [Theory]
    [InlineData("channels")]
    [InlineData("groups")]
    public async Task Invite_ByAdminMemberWithoutRoomRole_Succeeds(string prefix)
    {
        var owner = await factory.NewUserAsync("owner");
        var admin = await factory.LoginAdminAsync();
        var invitee = await factory.NewUserAsync("invitee");
        var room = await owner.CreateRoomAsync(prefix, UniqueName.For("room"), TestAccounts.AdminUsername);

        var response = await admin.PostAsync($"{prefix}.invite", new { roomId = Id(room), userId = invitee.UserId });

        response.AssertOk();
        Assert.Equal(3, await UsersCountAsync(owner, Id(room)));
    }

    [Theory]
    [InlineData("channels")]
    [InlineData("groups")]
    public async Task Invite_ByNonOwnerMember_Returns403(string prefix)
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var invitee = await factory.NewUserAsync("invitee");
        var room = await owner.CreateRoomAsync(prefix, UniqueName.For("room"), member.Username!);

        var response = await member.PostAsync($"{prefix}.invite", new { roomId = Id(room), userId = invitee.UserId });

        response.AssertForbidden();
        Assert.Equal(2, await UsersCountAsync(owner, Id(room)));
        (await SubscriptionAsync(invitee, Id(room))).AssertBody(HttpStatusCode.OK, """{"subscription":null,"success":true}""");
    }

    [Theory]
    [InlineData("channels")]
    [InlineData("groups")]
    public async Task Invite_OfAnExistingMember_IsANoOpSuccess(string prefix)
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var room = await owner.CreateRoomAsync(prefix, UniqueName.For("room"), member.Username!);

        var again = await owner.PostAsync($"{prefix}.invite", new { roomId = Id(room), userId = member.UserId });
        var ownerAgain = await owner.PostAsync($"{prefix}.invite", new { roomId = Id(room), userId = owner.UserId });

        again.AssertOk();
        ownerAgain.AssertOk();
        Assert.Equal(2, again.Json[prefix == "channels" ? "channel" : "group"]!["usersCount"]!.GetValue<int>());
        Assert.Equal(2, await UsersCountAsync(owner, Id(room)));
        var subscription = await SubscriptionAsync(owner, Id(room));
        Assert.Equal("""["owner"]""", subscription.Json["subscription"]!["roles"]!.ToJsonString());
    }

    [Fact]
    public async Task ChannelsInvite_ByNonMember_Returns403()
    {
        var owner = await factory.NewUserAsync("owner");
        var admin = await factory.LoginAdminAsync();
        var outsider = await factory.NewUserAsync("outsider");
        var invitee = await factory.NewUserAsync("invitee");
        var room = await owner.CreateRoomAsync("channels", UniqueName.For("room"));

        var byUser = await outsider.PostAsync("channels.invite", new { roomId = Id(room), userId = invitee.UserId });
        var byAdmin = await admin.PostAsync("channels.invite", new { roomId = Id(room), userId = invitee.UserId });

        byUser.AssertForbidden();
        byAdmin.AssertForbidden();
        Assert.Equal(1, await UsersCountAsync(owner, Id(room)));
    }

    [Fact]
    public async Task GroupsInvite_ByNonMember_ReturnsRoomNotFound()
    {
        var owner = await factory.NewUserAsync("owner");
        var outsider = await factory.NewUserAsync("outsider");
        var room = await owner.CreateRoomAsync("groups", UniqueName.For("room"));

        var response = await outsider.PostAsync("groups.invite", new { roomId = Id(room), userId = outsider.UserId });

        response.AssertBody(HttpStatusCode.BadRequest, RoomNotFoundJson("group"));
        Assert.Equal(1, await UsersCountAsync(owner, Id(room)));
    }

    [Fact]
    public async Task GroupsInvite_ByAdminNonMember_ReturnsRoomNotFound()
    {
        var owner = await factory.NewUserAsync("owner");
        var admin = await factory.LoginAdminAsync();
        var room = await owner.CreateRoomAsync("groups", UniqueName.For("room"));

        var response = await admin.PostAsync("groups.invite", new { roomId = Id(room), userId = admin.UserId });

        response.AssertBody(HttpStatusCode.BadRequest, RoomNotFoundJson("group"));
    }

    [Fact]
    public async Task GroupsInvite_WithAChannelId_ReturnsRoomNotFound()
    {
        var owner = await factory.NewUserAsync("owner");
        var invitee = await factory.NewUserAsync("invitee");
        var channel = await owner.CreateRoomAsync("channels", UniqueName.For("room"));

        var response = await owner.PostAsync("groups.invite", new { roomId = Id(channel), userId = invitee.UserId });

        response.AssertBody(HttpStatusCode.BadRequest, RoomNotFoundJson("group"));
        Assert.Equal(1, await UsersCountAsync(owner, Id(channel)));
    }

    [Fact]
    public async Task ChannelsInvite_WithAGroupId_ReturnsRoomNotFound()
    {
        var owner = await factory.NewUserAsync("owner");
        var invitee = await factory.NewUserAsync("invitee");
        var group = await owner.CreateRoomAsync("groups", UniqueName.For("room"));

        var response = await owner.PostAsync("channels.invite", new { roomId = Id(group), userId = invitee.UserId });

        response.AssertBody(HttpStatusCode.BadRequest, RoomNotFoundJson("channel"));
        Assert.Equal(1, await UsersCountAsync(owner, Id(group)));
    }

    [Theory]
    [InlineData("channels", "channel")]
    [InlineData("groups", "group")]
    public async Task Invite_WithADirectRoomId_ReturnsRoomNotFound(string prefix, string noun)
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var carol = await factory.NewUserAsync("carol");
        var direct = await alice.CreateDirectRoomAsync(bob.Username!);

        var response = await alice.PostAsync($"{prefix}.invite", new { roomId = Id(direct), userId = carol.UserId });

        response.AssertBody(HttpStatusCode.BadRequest, RoomNotFoundJson(noun));
    }

    [Theory]
    [InlineData("channels", "channel", "Nonexistent1234ab")]
    [InlineData("groups", "group", "Nonexistent1234ab")]
    [InlineData("channels", "channel", "")]
    [InlineData("groups", "group", "")]
    public async Task Invite_WithAnUnknownRoomId_ReturnsRoomNotFound(string prefix, string noun, string roomId)
    {
        var owner = await factory.NewUserAsync("owner");

        var response = await owner.PostAsync($"{prefix}.invite", new { roomId, userId = owner.UserId });

        response.AssertBody(HttpStatusCode.BadRequest, RoomNotFoundJson(noun));
    }

    [Theory]
    [InlineData("channels")]
    [InlineData("groups")]
    public async Task Invite_OfAnUnknownUser_Returns400AndChangesNothing(string prefix)
    {
        var owner = await factory.NewUserAsync("owner");
        var room = await owner.CreateRoomAsync(prefix, UniqueName.For("room"));

        var response = await owner.PostAsync($"{prefix}.invite", new { roomId = Id(room), userId = "Nonexistent1234ab" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.Json["success"]!.GetValue<bool>());
        Assert.Equal(1, await UsersCountAsync(owner, Id(room)));
    }

    [Theory]
    [InlineData("channels", """{"roomId":"x"}""", "must have required property 'userId'")]
    [InlineData("groups", """{"userId":"x"}""", "must have required property 'roomId'")]
    [InlineData("channels", """{"roomId":"x","userId":"y","role":"owner"}""", "must NOT have additional properties")]
    [InlineData("groups", """{"roomId":["x"],"userId":"y"}""", "must be string")]
    [InlineData("channels", """{"roomId":"x","userId":{"_id":"y"}}""", "must be string")]
    public async Task Invite_WithInvalidParams_ReturnsTheFirstValidationError(string prefix, string body, string message)
    {
        var owner = await factory.NewUserAsync("owner");

        var response = await owner.PostAsync($"{prefix}.invite", body);

        response.AssertInvalidParams(message);
    }
}
