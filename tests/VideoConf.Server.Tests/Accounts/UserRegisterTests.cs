using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Accounts;

/// <summary><c>POST /api/v1/users.register</c> and the <c>Accounts_RegistrationForm</c> setting (contract §2, §7).</summary>
public sealed class UserRegisterTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Register_WhenPublic_CreatesTheUserWithoutAuthentication()
    {
        var response = await factory.CreateApiClient().PostAsync("users.register",
            new { username = "rita", email = "rita@videoconf.test", pass = "rita-pass-1", name = "Rita Register" });

        var id = response.Json["user"]?["_id"]?.GetValue<string>() ?? "(none)";
        Assert.Matches(WireFormat.RandomId(), id);
        response.AssertBody(HttpStatusCode.OK,
            AccountBodies.UserEnvelope(AccountBodies.User(id, "rita", "Rita Register", "rita@videoconf.test", factory.Time.GetUtcNow())));
    }

    [Fact]
    public async Task Register_ThenLoginWithThePass_LogsInAsTheNewUser()
    {
        var registered = await factory.CreateApiClient().PostAsync("users.register",
            new { username = "reggie", email = "reggie@videoconf.test", pass = "reggie-pass-1", name = "Reggie" });
        registered.AssertOk();

        var login = await factory.CreateApiClient().PostAsync("login", new { user = "reggie", password = "reggie-pass-1" });

        login.AssertOk();
        Assert.Equal(registered.Json["user"]!["_id"]!.GetValue<string>(), login.Json["data"]!["userId"]!.GetValue<string>());
        Assert.Equal(["user"], login.Json["data"]!["me"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Register_WithoutName_DefaultsNameToUsername()
    {
        var response = await factory.CreateApiClient().PostAsync("users.register", new { username = "anon-name", email = "anon-name@videoconf.test", pass = "p-1" });

        response.AssertOk();
        Assert.Equal("anon-name", response.Json["user"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Register_WithGarbageCredentialHeaders_TreatsCallerAsAnonymous()
    {
        var client = factory.CreateApiClient().As("NoSuchUser2345678", "garbage-token");

        var response = await client.PostAsync("users.register", new { username = "headless", email = "headless@videoconf.test", pass = "p-1" });

        response.AssertOk();
    }

    [Fact]
    public async Task Register_WithRoles_IsRejectedAsAdditionalProperty()
    {
        var response = await factory.CreateApiClient().PostAsync("users.register",
            new { username = "climber", email = "climber@videoconf.test", pass = "p-1", roles = new[] { "admin" } });

        response.AssertInvalidParams("must NOT have additional properties");
        var login = await factory.CreateApiClient().PostAsync("login", new { user = "climber", password = "p-1" });
        login.AssertBody(HttpStatusCode.Unauthorized, ApiBodies.LoginFailed);
    }

    [Theory]
    [InlineData("""{"email":"r@videoconf.test","pass":"p"}""", "must have required property 'username'")]
    [InlineData("""{"username":"r1","pass":"p"}""", "must have required property 'email'")]
    [InlineData("""{"username":"r2","email":"r2@videoconf.test"}""", "must have required property 'pass'")]
    [InlineData("""{"username":"r3","email":"r3@videoconf.test","password":"p"}""", "must have required property 'pass'")]
    [InlineData("""{"username":"r4","email":"r4@videoconf.test","pass":"p","active":false}""", "must NOT have additional properties")]
    [InlineData("""{"username":"r5","email":"r5@videoconf.test","pass":{"p":1}}""", "must be string")]
    public async Task Register_WithBadParams_ReportsTheFirstValidationError(string body, string message)
    {
        var response = await factory.CreateApiClient().PostAsync("users.register", body);

        response.AssertInvalidParams(message);
    }

    [Fact]
    public async Task Register_WithTakenUsername_ReturnsUsernameInUse()
    {
        var response = await factory.CreateApiClient().PostAsync("users.register", new { username = "ADMIN", email = "fresh@videoconf.test", pass = "p-1" });

        response.AssertBody(HttpStatusCode.BadRequest, AccountBodies.UsernameTaken);
    }

    [Fact]
    public async Task Register_WithTakenEmail_ReturnsEmailExists()
    {
        var response = await factory.CreateApiClient().PostAsync("users.register", new { username = "fresh-name", email = "admin@videoconf.test", pass = "p-1" });

        response.AssertBody(HttpStatusCode.BadRequest, AccountBodies.EmailTaken);
    }

    [Fact]
    public async Task Register_WithInvalidUsername_ReturnsInvalidUsername()
    {
        var response = await factory.CreateApiClient().PostAsync("users.register", new { username = "has space", email = "space@videoconf.test", pass = "p-1" });

        response.AssertFailureWithReason("error-invalid-username");
    }

    [Fact]
    public async Task Register_WithAdminsUsernamePlusTrailingNewline_ReturnsInvalidUsername()
    {
        // A newline is not one of the allowed characters; accepting it would let anyone register a look-alike of "admin".
        var response = await factory.CreateApiClient().PostAsync("users.register", new { username = "admin\n", email = "lookalike@videoconf.test", pass = "p-1" });

        response.AssertFailureWithReason("error-invalid-username");
    }

    [Fact]
    public async Task Register_WithInvalidEmail_ReturnsInvalidEmail()
    {
        var response = await factory.CreateApiClient().PostAsync("users.register", new { username = "bad-email", email = "bad-email", pass = "p-1" });

        response.AssertFailureWithReason("error-invalid-email");
    }

    [Fact]
    public async Task Register_AfterAdminSetsRegistrationFormDisabled_ReturnsRegistrationDisabled()
    {
        using var own = new VideoConfFactory();
        var admin = await own.LoginAdminAsync();
        var change = await admin.PostAsync("settings/Accounts_RegistrationForm", new { value = "Disabled" });
        change.AssertBody(HttpStatusCode.OK, """{"success":true}""");

        var response = await own.CreateApiClient().PostAsync("users.register", new { username = "late", email = "late@videoconf.test", pass = "late-pass-1" });

        response.AssertFailureWithReason("error-user-registration-disabled");
        (await admin.GetAsync("users.info?username=late")).AssertBody(HttpStatusCode.BadRequest, AccountBodies.UserNotFound);
    }

    [Fact]
    public async Task Register_AfterAdminSetsRegistrationFormBackToPublic_WorksAgain()
    {
        using var own = new VideoConfFactory();
        var admin = await own.LoginAdminAsync();
        await admin.ChangeSettingAsync("Accounts_RegistrationForm", "Disabled");
        await admin.ChangeSettingAsync("Accounts_RegistrationForm", "Public");

        var response = await own.CreateApiClient().PostAsync("users.register", new { username = "again", email = "again@videoconf.test", pass = "again-pass-1" });

        response.AssertOk();
    }

    [Fact]
    public async Task Register_WhenDisabledByConfiguration_ReturnsRegistrationDisabled()
    {
        using var own = new VideoConfFactory().WithSetting("Settings:Accounts_RegistrationForm", "Disabled");

        var response = await own.CreateApiClient().PostAsync("users.register", new { username = "closed", email = "closed@videoconf.test", pass = "closed-pass-1" });

        response.AssertFailureWithReason("error-user-registration-disabled");
        var login = await own.CreateApiClient().PostAsync("login", new { user = "closed", password = "closed-pass-1" });
        login.AssertBody(HttpStatusCode.Unauthorized, ApiBodies.LoginFailed);
    }

    [Fact]
    public async Task Register_WhenDisabled_AdminCanStillCreateUsers()
    {
        using var own = new VideoConfFactory().WithSetting("Settings:Accounts_RegistrationForm", "Disabled");
        var admin = await own.LoginAdminAsync();

        var response = await admin.PostAsync("users.create", new { username = "by-admin", email = "by-admin@videoconf.test", password = "p-1" });

        response.AssertOk();
    }
}
