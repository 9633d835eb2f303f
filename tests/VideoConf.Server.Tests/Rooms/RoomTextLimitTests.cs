using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Rooms;

/// <summary>
/// The text limits of contract §3.1 where rooms are created: room names 1–64, and usernames (at most 64) named as
/// members or as the other side of a direct room. A refused room is not stored.
/// </summary>
public sealed class RoomTextLimitTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Theory]
    [InlineData("channels", "channel")]
    [InlineData("groups", "group")]
    public async Task Create_WithANameOf64Characters_StoresTheRoomUnderThatName(string prefix, string key)
    {
        var owner = await factory.NewUserAsync("owner");
        var name = UniqueName.OfLength("r", 64);

        var response = await owner.PostAsync($"{prefix}.create", new { name });

        response.AssertOk();
        Assert.Equal(name, response.Json[key]!["name"]!.GetValue<string>());
        var info = await owner.GetAsync($"rooms.info?roomName={name}");
        info.AssertOk();
        Assert.Equal(name, info.Json["room"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("channels")]
    [InlineData("groups")]
    public async Task Create_WithANameOf65Characters_AnswersInvalidRoomNameAndStoresNothing(string prefix)
    {
        var owner = await factory.NewUserAsync("owner");
        var name = UniqueName.OfLength("r", 65);

        var response = await owner.PostAsync($"{prefix}.create", new { name });

        response.AssertBody(HttpStatusCode.BadRequest,
            $$"""{"success":false,"error":"{{name}} is not a valid room name [error-invalid-room-name]","errorType":"error-invalid-room-name"}""");
        var admin = await factory.LoginAdminAsync();
        (await admin.GetAsync($"rooms.info?roomName={name}")).AssertBody(HttpStatusCode.BadRequest, ApiBodies.RoomNotAllowed);
    }

    [Theory]
    [InlineData("channels", "channel")]
    [InlineData("groups", "group")]
    public async Task Create_WithAMemberNameOverTheUsernameLimit_CreatesTheRoomWithoutThatMember(string prefix, string key)
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");

        var response = await owner.PostAsync($"{prefix}.create", new { name = UniqueName.For("room"), members = new[] { member.Username!, new string('m', 65), new string('m', 900_000) } });

        response.AssertOk();
        Assert.Equal(2, response.Json[key]!["usersCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task ImCreate_WithAUsernameOf64Characters_CreatesTheDirectRoom()
    {
        var alice = await factory.NewUserAsync("alice");
        var longest = await factory.CreateUserAsync(UniqueName.OfLength("r", 64));

        var room = await alice.CreateDirectRoomAsync(longest.Username!);

        Assert.Contains(longest.Username!, room["usernames"]!.AsArray().Select(u => u!.GetValue<string>()));
    }

    [Theory]
    [InlineData(65)]
    [InlineData(900_000)]
    public async Task ImCreate_WithAUsernameOverTheLimit_AnswersInvalidUser(int length)
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");

        var single = await alice.PostAsync("im.create", new { username = new string('u', length) });
        var several = await alice.PostAsync("im.create", new { usernames = $"{bob.Username},{new string('u', length)}" });

        const string invalidUser = """{"success":false,"error":"Invalid user [error-invalid-user]","errorType":"error-invalid-user"}""";
        single.AssertBody(HttpStatusCode.BadRequest, invalidUser);
        several.AssertBody(HttpStatusCode.BadRequest, invalidUser);
    }
}
