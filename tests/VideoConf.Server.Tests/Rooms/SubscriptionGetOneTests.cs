using System.Net;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Infrastructure.TestRooms;
using static VideoConf.Server.Tests.Rooms.RoomScenario;

namespace VideoConf.Server.Tests.Rooms;

/// <summary><c>subscriptions.getOne</c> (contract §3).</summary>
public sealed class SubscriptionGetOneTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task GetOne_ByMember_ReturnsTheSubscriptionWithItsFieldsInOrder()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var name = UniqueName.For("room");
        var now = WireFormat.Date(factory.Time.GetUtcNow());
        var room = await owner.CreateRoomAsync("groups", name, member.Username!);

        var response = await SubscriptionAsync(member, Id(room));

        response.AssertOk();
        var subscriptionId = response.Json["subscription"]!["_id"]!.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(subscriptionId));
        response.AssertBody(HttpStatusCode.OK, $$"""
            {"subscription":{"_id":{{Quote(subscriptionId)}},"rid":{{Quote(Id(room))}},"u":{"_id":{{Quote(member.UserId!)}},"username":{{Quote(member.Username!)}}},
             "t":"p","name":{{Quote(name)}},"fname":{{Quote(name)}},"roles":[],"open":true,"alert":false,"ts":"{{now}}","_updatedAt":"{{now}}",
             "unread":0,"userMentions":0,"groupMentions":0},"success":true}
            """);
    }

    [Fact]
    public async Task GetOne_ForEachMember_ReturnsThatMembersOwnSubscription()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var room = await owner.CreateRoomAsync("channels", UniqueName.For("room"), member.Username!);

        var ofOwner = await SubscriptionAsync(owner, Id(room));
        var ofMember = await SubscriptionAsync(member, Id(room));

        Assert.Equal(owner.UserId, ofOwner.Json["subscription"]!["u"]!["_id"]!.GetValue<string>());
        Assert.Equal(member.UserId, ofMember.Json["subscription"]!["u"]!["_id"]!.GetValue<string>());
        Assert.NotEqual(ofOwner.Json["subscription"]!["_id"]!.GetValue<string>(), ofMember.Json["subscription"]!["_id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("channels")]
    [InlineData("groups")]
    public async Task GetOne_ByNonMember_ReturnsNull(string prefix)
    {
        var owner = await factory.NewUserAsync("owner");
        var outsider = await factory.NewUserAsync("outsider");
        var room = await owner.CreateRoomAsync(prefix, UniqueName.For("room"));

        var response = await SubscriptionAsync(outsider, Id(room));

        response.AssertBody(HttpStatusCode.OK, """{"subscription":null,"success":true}""");
    }

    [Fact]
    public async Task GetOne_ByAdminNonMember_ReturnsNull()
    {
        var owner = await factory.NewUserAsync("owner");
        var admin = await factory.LoginAdminAsync();
        var room = await owner.CreateRoomAsync("groups", UniqueName.For("room"));

        var response = await SubscriptionAsync(admin, Id(room));

        response.AssertBody(HttpStatusCode.OK, """{"subscription":null,"success":true}""");
    }

    [Fact]
    public async Task GetOne_OfAnUnknownRoom_ReturnsNull()
    {
        var user = await factory.NewUserAsync("user");

        var response = await SubscriptionAsync(user, "Nonexistent1234ab");

        response.AssertBody(HttpStatusCode.OK, """{"subscription":null,"success":true}""");
    }

    [Theory]
    [InlineData("", "must have required property 'roomId'")]
    [InlineData("?roomId=a&x=1", "must NOT have additional properties")]
    [InlineData("?roomId=a&roomId=b", "must be string")]
    public async Task GetOne_WithInvalidParams_ReturnsTheFirstValidationError(string query, string message)
    {
        var user = await factory.NewUserAsync("user");

        var response = await user.GetAsync($"subscriptions.getOne{query}");

        response.AssertInvalidParams(message);
    }
}
