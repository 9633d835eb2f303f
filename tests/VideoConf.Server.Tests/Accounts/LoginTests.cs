using System.Net;
using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Accounts;

/// <summary><c>POST /api/v1/login</c> in every form the contract accepts (contract §2).</summary>
public sealed class LoginTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Login_WithUsernameAsUser_ReturnsSuccessEnvelopeWithMeInContractOrder()
    {
        var userId = await factory.CreateAccountAsync("lena", "Lena Login");

        var response = await factory.CreateApiClient().PostAsync("login", new { user = "lena", password = TestAccounts.PasswordOf("lena") });

        var token = response.Json["data"]?["authToken"]?.GetValue<string>() ?? "(none)";
        var expected = new JsonObject
        {
            ["status"] = "success",
            ["data"] = new JsonObject
            {
                ["userId"] = userId,
                ["authToken"] = token,
                ["me"] = AccountBodies.User(userId, "lena", "Lena Login", "lena@videoconf.test", factory.Time.GetUtcNow(), status: "online"),
            },
            ["success"] = true,
        };
        response.AssertBody(HttpStatusCode.OK, expected.ToJsonString());
    }

    [Fact]
    public async Task Login_WithEmailAsUser_LogsInTheOwnerOfThatEmail()
    {
        var userId = await factory.CreateAccountAsync("mail-user", "Mail User");

        var response = await factory.CreateApiClient().PostAsync("login", new { user = "mail-user@videoconf.test", password = TestAccounts.PasswordOf("mail-user") });

        response.AssertOk();
        Assert.Equal(userId, response.Json["data"]!["userId"]!.GetValue<string>());
        Assert.Equal("mail-user", response.Json["data"]!["me"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_WithEmailInOtherCase_LogsIn()
    {
        var userId = await factory.CreateAccountAsync("case-mail", "Case Mail");

        var response = await factory.CreateApiClient().PostAsync("login", new { user = "Case-Mail@VideoConf.TEST", password = TestAccounts.PasswordOf("case-mail") });

        response.AssertOk();
        Assert.Equal(userId, response.Json["data"]!["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_WithUsernameInOtherCase_LogsIn()
    {
        var userId = await factory.CreateAccountAsync("case-name", "Case Name");

        var response = await factory.CreateApiClient().PostAsync("login", new { user = "CASE-Name", password = TestAccounts.PasswordOf("case-name") });

        response.AssertOk();
        Assert.Equal(userId, response.Json["data"]!["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_WithUsernameField_LogsIn()
    {
        var userId = await factory.CreateAccountAsync("uname", "U Name");

        var response = await factory.CreateApiClient().PostAsync("login", new { username = "uname", password = TestAccounts.PasswordOf("uname") });

        response.AssertOk();
        Assert.Equal(userId, response.Json["data"]!["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_WithEmailField_LogsIn()
    {
        var userId = await factory.CreateAccountAsync("emailfield", "Email Field");

        var response = await factory.CreateApiClient().PostAsync("login", new { email = "emailfield@videoconf.test", password = TestAccounts.PasswordOf("emailfield") });

        response.AssertOk();
        Assert.Equal(userId, response.Json["data"]!["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_WithSha256DigestOfPassword_LogsIn()
    {
        var userId = await factory.CreateAccountAsync("digest", "Digest User");
        var digest = TestAccounts.Sha256Hex(TestAccounts.PasswordOf("digest"));

        var response = await factory.CreateApiClient().PostAsync("login", new { user = "digest", password = new { digest, algorithm = "sha-256" } });

        response.AssertOk();
        Assert.Equal(userId, response.Json["data"]!["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_WithDigestOfWrongPassword_Returns401()
    {
        await factory.CreateAccountAsync("wrong-digest", "Wrong Digest");
        var digest = TestAccounts.Sha256Hex("not-the-password");

        var response = await factory.CreateApiClient().PostAsync("login", new { user = "wrong-digest", password = new { digest, algorithm = "sha-256" } });

        response.AssertBody(HttpStatusCode.Unauthorized, ApiBodies.LoginFailed);
    }

    [Fact]
    public async Task Login_WithRightDigestUnderAnotherAlgorithmName_Returns401()
    {
        await factory.CreateAccountAsync("algo", "Algo User");
        var digest = TestAccounts.Sha256Hex(TestAccounts.PasswordOf("algo"));

        var response = await factory.CreateApiClient().PostAsync("login", new { user = "algo", password = new { digest, algorithm = "md5" } });

        response.AssertBody(HttpStatusCode.Unauthorized, ApiBodies.LoginFailed);
    }

    [Fact]
    public async Task Login_WithPlainPasswordThatIsTheDigestText_Returns401()
    {
        await factory.CreateAccountAsync("digest-text", "Digest Text");
        var digest = TestAccounts.Sha256Hex(TestAccounts.PasswordOf("digest-text"));

        var response = await factory.CreateApiClient().PostAsync("login", new { user = "digest-text", password = digest });

        response.AssertBody(HttpStatusCode.Unauthorized, ApiBodies.LoginFailed);
    }

    [Fact]
    public async Task Login_WithResumeToken_IssuesAFreshTokenForTheSameUser()
    {
        var user = await factory.CreateUserAsync("resumer");

        var response = await factory.CreateApiClient().PostAsync("login", new { resume = user.AuthToken });

        response.AssertOk();
        Assert.Equal("success", response.Json["status"]!.GetValue<string>());
        Assert.Equal(user.UserId, response.Json["data"]!["userId"]!.GetValue<string>());
        Assert.Equal(user.UserId, response.Json["data"]!["me"]!["_id"]!.GetValue<string>());
        var fresh = response.Json["data"]!["authToken"]!.GetValue<string>();
        Assert.NotEqual(user.AuthToken, fresh);
        (await factory.CreateApiClient().As(user.UserId!, fresh).GetAsync("me")).AssertOk();
        (await user.GetAsync("me")).AssertOk();
    }

    [Fact]
    public async Task Login_WithUnknownResumeToken_Returns401()
    {
        var response = await factory.CreateApiClient().PostAsync("login", new { resume = "not-a-token-anyone-was-given" });

        response.AssertBody(HttpStatusCode.Unauthorized, ApiBodies.LoginFailed);
    }

    [Fact]
    public async Task Login_WithFormUrlEncodedBody_LogsIn()
    {
        var userId = await factory.CreateAccountAsync("former", "Form User");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = "former",
            ["password"] = TestAccounts.PasswordOf("former"),
        });

        var response = await factory.CreateApiClient().PostRawAsync("login", form);

        response.AssertOk();
        Assert.Equal(userId, response.Json["data"]!["userId"]!.GetValue<string>());
        var token = response.Json["data"]!["authToken"]!.GetValue<string>();
        (await factory.CreateApiClient().As(userId, token).GetAsync("me")).AssertOk();
    }

    [Fact]
    public async Task Login_WithFormUrlEncodedWrongPassword_Returns401()
    {
        await factory.CreateAccountAsync("form-wrong", "Form Wrong");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "form-wrong", ["password"] = "nope" });

        var response = await factory.CreateApiClient().PostRawAsync("login", form);

        response.AssertBody(HttpStatusCode.Unauthorized, ApiBodies.LoginFailed);
    }

    [Fact]
    public async Task Login_WithUnknownUser_Returns401Unauthorized()
    {
        var response = await factory.CreateApiClient().PostAsync("login", new { user = "nobody-by-this-name", password = "whatever-1" });

        response.AssertBody(HttpStatusCode.Unauthorized, ApiBodies.LoginFailed);
    }

    [Fact]
    public async Task Login_WithUnknownEmail_Returns401Unauthorized()
    {
        var response = await factory.CreateApiClient().PostAsync("login", new { user = "nobody@videoconf.test", password = "whatever-1" });

        response.AssertBody(HttpStatusCode.Unauthorized, ApiBodies.LoginFailed);
    }

    [Fact]
    public async Task Login_WithWrongPassword_Returns401Unauthorized()
    {
        await factory.CreateAccountAsync("wrongpw", "Wrong Password");

        var response = await factory.CreateApiClient().PostAsync("login", new { user = "wrongpw", password = "not-the-password" });

        response.AssertBody(HttpStatusCode.Unauthorized, ApiBodies.LoginFailed);
    }

    [Fact]
    public async Task Login_AsDeactivatedUserWithRightPassword_IsRefused()
    {
        await factory.CreateAccountAsync("sleeper", "Sleeper", active: false);

        var response = await factory.CreateApiClient().PostAsync("login", new { user = "sleeper", password = TestAccounts.PasswordOf("sleeper") });

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.False(response.Json["success"]!.GetValue<bool>());
        Assert.DoesNotContain("authToken", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithGarbageCredentialHeaders_TreatsCallerAsAnonymousAndLogsIn()
    {
        var userId = await factory.CreateAccountAsync("headers", "Headers User");
        var client = factory.CreateApiClient().As("NoSuchUserId12345", "garbage-token");

        var response = await client.PostAsync("login", new { user = "headers", password = TestAccounts.PasswordOf("headers") });

        response.AssertOk();
        Assert.Equal(userId, response.Json["data"]!["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_TwiceForTheSameUser_IssuesDistinctLongRandomTokens()
    {
        await factory.CreateAccountAsync("twice", "Twice");
        var body = new { user = "twice", password = TestAccounts.PasswordOf("twice") };

        var first = await factory.CreateApiClient().PostAsync("login", body);
        var second = await factory.CreateApiClient().PostAsync("login", body);

        var a = first.Json["data"]!["authToken"]!.GetValue<string>();
        var b = second.Json["data"]!["authToken"]!.GetValue<string>();
        Assert.NotEqual(a, b);
        // 256 random bits need at least 43 characters in base64 (fewer bits per character in any other alphabet).
        Assert.True(a.Length >= 43, $"Token '{a}' is too short to carry 256 random bits.");
        Assert.True(b.Length >= 43, $"Token '{b}' is too short to carry 256 random bits.");
    }
}
