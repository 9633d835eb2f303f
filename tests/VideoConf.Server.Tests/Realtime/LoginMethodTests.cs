using System.Net;
using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Realtime;

/// <summary>The realtime <c>login</c> and <c>logout</c> methods (contract §9.2): the same accounts and tokens as REST.</summary>
public sealed class LoginMethodTests(RealtimeFactory factory) : IClassFixture<RealtimeFactory>
{
    [Fact]
    public async Task Login_WithARestToken_ResumesThatSameToken()
    {
        var user = await factory.NewUserAsync("resumer");
        await using var client = await factory.ConnectAsync();

        var answer = await client.CallAsync("login", new { resume = user.AuthToken });

        var result = answer["result"]!.AsObject();
        Assert.Equal(["id", "token", "tokenExpires", "type"], result.Select(p => p.Key));
        Assert.Equal(user.UserId, result["id"]!.GetValue<string>());
        Assert.Equal(user.AuthToken, result["token"]!.GetValue<string>());
        Assert.Equal("resume", result["type"]!.GetValue<string>());
        var expires = result["tokenExpires"]!.AsObject();
        Assert.Equal(["$date"], expires.Select(p => p.Key));
        Assert.Equal(factory.Time.GetUtcNow().AddDays(90).ToUnixTimeMilliseconds(), expires["$date"]!.GetValue<long>());
    }

    [Fact]
    public async Task Login_WithAPasswordDigest_IssuesATokenThatWorksOverRest()
    {
        var user = await factory.NewUserAsync("digester");
        await using var client = await factory.ConnectAsync();

        var answer = await client.CallAsync("login", new
        {
            user = new { username = user.Username },
            password = new { digest = TestAccounts.Sha256Hex(TestAccounts.PasswordOf(user.Username!)), algorithm = "sha-256" },
        });

        var result = answer["result"]!.AsObject();
        Assert.Equal("password", result["type"]!.GetValue<string>());
        Assert.Equal(user.UserId, result["id"]!.GetValue<string>());
        var token = result["token"]!.GetValue<string>();
        Assert.NotEqual(user.AuthToken, token);
        var me = await factory.CreateApiClient().As(user.UserId!, token).GetAsync("me");
        me.AssertOk();
    }

    [Fact]
    public async Task Login_WithAPlainPasswordAndAnEmail_LogsIn()
    {
        var user = await factory.NewUserAsync("plain");
        await using var client = await factory.ConnectAsync();

        var answer = await client.CallAsync("login", new { user = new { email = $"{user.Username}@videoconf.test" }, password = TestAccounts.PasswordOf(user.Username!) });

        Assert.Equal(user.UserId, answer["result"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_ByUserId_LogsIn()
    {
        var user = await factory.NewUserAsync("byid");
        await using var client = await factory.ConnectAsync();

        var answer = await client.CallAsync("login", new { user = new { id = user.UserId }, password = TestAccounts.PasswordOf(user.Username!) });

        Assert.Equal(user.UserId, answer["result"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_WithAWrongPassword_IsIncorrectPassword()
    {
        var user = await factory.NewUserAsync("wrongpw");
        await using var client = await factory.ConnectAsync();

        var answer = await client.CallAsync("login", new { user = new { username = user.Username }, password = new { digest = TestAccounts.Sha256Hex("not it"), algorithm = "sha-256" } });

        AssertError(answer, 403, "Incorrect password");
    }

    [Fact]
    public async Task Login_ForAnUnknownUser_IsUserNotFound()
    {
        await using var client = await factory.ConnectAsync();

        var answer = await client.CallAsync("login", new { user = new { username = "nobody-at-all" }, password = new { digest = TestAccounts.Sha256Hex("x"), algorithm = "sha-256" } });

        AssertError(answer, 403, "User not found");
    }

    [Fact]
    public async Task Login_WithAnUnknownToken_SaysTheUserWasLoggedOut()
    {
        await using var client = await factory.ConnectAsync();

        var answer = await client.CallAsync("login", new { resume = "not-a-token-anyone-was-given" });

        AssertError(answer, 403, "You've been logged out by the server. Please log in again.");
    }

    [Fact]
    public async Task Login_WithOptionsItDoesNotKnow_IsUnrecognized()
    {
        await using var client = await factory.ConnectAsync();

        var answer = await client.CallAsync("login", new { ldap = true });

        AssertError(answer, 400, "Unrecognized options for login request");
    }

    [Fact]
    public async Task RestLogin_StillAnswersOneUnauthorizedForEveryWrongCredential()
    {
        var user = await factory.NewUserAsync("restwrong");
        var rest = factory.CreateApiClient();

        var wrongPassword = await rest.PostAsync("login", new { user = user.Username, password = "nope" });
        var unknownUser = await rest.PostAsync("login", new { user = "nobody-here", password = "nope" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.Status);
        Assert.Equal(wrongPassword.Text, unknownUser.Text);
    }

    [Fact]
    public async Task Logout_HasNoResult_AndEndsTheTokenForRestToo()
    {
        var user = await factory.NewUserAsync("ddplogout");
        await using var client = await factory.ConnectAsAsync(user);

        var answer = await client.CallAsync("logout");

        Assert.Equal(["msg", "id"], answer.Select(p => p.Key));
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("me")).Status);
        AssertError(await client.CallAsync("login", new { resume = user.AuthToken }), 403, "You've been logged out by the server. Please log in again.");
    }

    private static void AssertError(JsonObject answer, int code, string reason) =>
        Assert.Equal(
            new JsonObject
            {
                ["isClientSafe"] = true,
                ["error"] = code,
                ["reason"] = reason,
                ["message"] = $"{reason} [{code}]",
                ["errorType"] = "Meteor.Error",
            }.ToJsonString(),
            answer["error"]?.ToJsonString());
}
