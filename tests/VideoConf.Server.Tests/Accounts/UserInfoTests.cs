using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Accounts;

/// <summary><c>GET /api/v1/users.info</c> (contract §2).</summary>
public sealed class UserInfoTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Info_OfSelfByUserId_ReturnsTheUserExactly()
    {
        var ivy = await factory.CreateUserAsync("ivy");

        var response = await ivy.GetAsync($"users.info?userId={ivy.UserId}");

        response.AssertBody(HttpStatusCode.OK, AccountBodies.UserEnvelope(
            AccountBodies.User(ivy.UserId!, "ivy", "Name of ivy", "ivy@videoconf.test", factory.Time.GetUtcNow(), status: "online")));
    }

    [Fact]
    public async Task Info_ByUserId_ReturnsThatUser()
    {
        var target = await factory.CreateUserAsync("target-id");
        var admin = await factory.LoginAdminAsync();

        var response = await admin.GetAsync($"users.info?userId={target.UserId}");

        response.AssertOk();
        Assert.Equal(target.UserId, response.Json["user"]!["_id"]!.GetValue<string>());
        Assert.Equal("target-id", response.Json["user"]!["username"]!.GetValue<string>());
        Assert.Equal("Name of target-id", response.Json["user"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Info_ByUsername_ReturnsThatUser()
    {
        var target = await factory.CreateUserAsync("target-name");
        var asker = await factory.CreateUserAsync("asker");

        var response = await asker.GetAsync("users.info?username=target-name");

        response.AssertOk();
        Assert.Equal(target.UserId, response.Json["user"]!["_id"]!.GetValue<string>());
        Assert.Equal("target-name", response.Json["user"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Info_OfAnotherUser_NeverContainsPasswordHashOrServices()
    {
        await factory.CreateUserAsync("hashless");
        var admin = await factory.LoginAdminAsync();

        var response = await admin.GetAsync("users.info?username=hashless");

        response.AssertOk();
        AccountBodies.AssertNoCredentialFields(response);
    }

    [Fact]
    public async Task Info_WithNeitherUserIdNorUsername_ReportsMissingUserId()
    {
        var user = await factory.CreateUserAsync("neither");

        var response = await user.GetAsync("users.info");

        response.AssertInvalidParams("must have required property 'userId'");
    }

    [Fact]
    public async Task Info_WithOnlyAnUnknownParameter_ReportsMissingUserId()
    {
        var user = await factory.CreateUserAsync("unknown-param");

        var response = await user.GetAsync("users.info?user=someone");

        response.AssertInvalidParams("must have required property 'userId'");
    }

    [Fact]
    public async Task Info_WithUserIdAndAnUnknownParameter_ReportsAdditionalProperties()
    {
        var user = await factory.CreateUserAsync("extra-param");

        var response = await user.GetAsync($"users.info?userId={user.UserId}&fields=x");

        response.AssertInvalidParams("must NOT have additional properties");
    }

    [Fact]
    public async Task Info_WithUnknownUserId_ReturnsUserNotFound()
    {
        var user = await factory.CreateUserAsync("seeker-id");

        var response = await user.GetAsync("users.info?userId=NoSuchUser2345678");

        response.AssertBody(HttpStatusCode.BadRequest, AccountBodies.UserNotFound);
    }

    [Fact]
    public async Task Info_WithUnknownUsername_ReturnsUserNotFound()
    {
        var user = await factory.CreateUserAsync("seeker-name");

        var response = await user.GetAsync("users.info?username=no-such-user");

        response.AssertBody(HttpStatusCode.BadRequest, AccountBodies.UserNotFound);
    }
}
