using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Accounts;

/// <summary><c>GET /api/v1/me</c> (contract §2).</summary>
public sealed class MeTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Me_AsUser_ReturnsTheUserAtTopLevelExactly()
    {
        var userId = await factory.CreateAccountAsync("mia", "Mia Me");
        var mia = await factory.LoginAsync("mia");

        var response = await mia.GetAsync("me");

        var expected = AccountBodies.User(userId, "mia", "Mia Me", "mia@videoconf.test", factory.Time.GetUtcNow(), status: "online");
        expected["success"] = true;
        response.AssertBody(HttpStatusCode.OK, expected.ToJsonString());
    }

    [Fact]
    public async Task Me_AsAdmin_ReturnsTheBootstrapAdminExactly()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.GetAsync("me");

        var expected = AccountBodies.User(admin.UserId!, "admin", "Administrator", "admin@videoconf.test", factory.Time.GetUtcNow(),
            status: "online", roles: ["admin"], verified: true);
        expected["success"] = true;
        response.AssertBody(HttpStatusCode.OK, expected.ToJsonString());
    }

    [Fact]
    public async Task Me_ListsExactlyTheContractFieldsInOrder()
    {
        var user = await factory.CreateUserAsync("fields");

        var response = await user.GetAsync("me");

        response.AssertOk();
        var keys = response.Json.AsObject().Select(p => p.Key).ToArray();
        Assert.Equal([.. AccountBodies.UserFields, "success"], keys);
    }

    [Fact]
    public async Task Me_NeverContainsPasswordHashOrServices()
    {
        var user = await factory.CreateUserAsync("no-hash");

        var response = await user.GetAsync("me");

        response.AssertOk();
        AccountBodies.AssertNoCredentialFields(response);
        Assert.DoesNotContain(user.AuthToken!, response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_DatesAreIsoUtcWithMilliseconds()
    {
        var user = await factory.CreateUserAsync("dates");

        var response = await user.GetAsync("me");

        response.AssertOk();
        foreach (var field in new[] { "createdAt", "_updatedAt" })
        {
            var value = response.Json[field]!.GetValue<string>();
            Assert.Matches(WireFormat.IsoDate(), value);
        }
        Assert.Equal(WireFormat.Date(factory.Time.GetUtcNow()), response.Json["createdAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Me_ForUserCreatedOnAWholeSecond_StillShowsThreeMillisecondDigits()
    {
        using var own = new VideoConfFactory();
        own.Time.SetUtcNow(new DateTimeOffset(2026, 2, 1, 8, 30, 0, TimeSpan.Zero));
        var user = await own.CreateUserAsync("whole-second");

        var response = await user.GetAsync("me");

        response.AssertOk();
        Assert.Equal("2026-02-01T08:30:00.000Z", response.Json["createdAt"]!.GetValue<string>());
        Assert.Equal("2026-02-01T08:30:00.000Z", response.Json["_updatedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Me_ForBotUser_HasTypeBot()
    {
        var bot = await factory.CreateUserAsync("robo", "bot");

        var response = await bot.GetAsync("me");

        response.AssertOk();
        Assert.Equal("bot", response.Json["type"]!.GetValue<string>());
        Assert.Equal(["bot"], response.Json["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Me_ForUserWithoutBotRole_HasTypeUser()
    {
        var user = await factory.CreateUserAsync("human", "user", "guest");

        var response = await user.GetAsync("me");

        response.AssertOk();
        Assert.Equal("user", response.Json["type"]!.GetValue<string>());
    }
}
