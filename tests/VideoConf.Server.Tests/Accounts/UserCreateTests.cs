using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Accounts;

/// <summary><c>POST /api/v1/users.create</c> (contract §2; validation as §1.2).</summary>
public sealed class UserCreateTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Create_AsAdmin_ReturnsTheNewUserExactly()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("users.create", new { username = "carl", email = "carl@videoconf.test", password = "carl-pass-1", name = "Carl Create" });

        var id = response.Json["user"]?["_id"]?.GetValue<string>() ?? "(none)";
        Assert.Matches(WireFormat.RandomId(), id);
        response.AssertBody(HttpStatusCode.OK,
            AccountBodies.UserEnvelope(AccountBodies.User(id, "carl", "Carl Create", "carl@videoconf.test", factory.Time.GetUtcNow())));
    }

    [Fact]
    public async Task Create_AsAdmin_TheNewUserCanLogInWithThePassword()
    {
        var admin = await factory.LoginAdminAsync();
        var created = await admin.PostAsync("users.create", new { username = "newbie", email = "newbie@videoconf.test", password = "newbie-pass-1" });
        created.AssertOk();

        var login = await factory.CreateApiClient().PostAsync("login", new { user = "newbie", password = "newbie-pass-1" });

        login.AssertOk();
        Assert.Equal(created.Json["user"]!["_id"]!.GetValue<string>(), login.Json["data"]!["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_AsNonAdmin_Returns403AndCreatesNobody()
    {
        var user = await factory.CreateUserAsync("plain");

        var response = await user.PostAsync("users.create", new { username = "sneaky", email = "sneaky@videoconf.test", password = "sneaky-pass-1" });

        response.AssertForbidden();
        var admin = await factory.LoginAdminAsync();
        (await admin.GetAsync("users.info?username=sneaky")).AssertBody(HttpStatusCode.BadRequest, AccountBodies.UserNotFound);
    }

    [Fact]
    public async Task Create_AsBot_Returns403()
    {
        var bot = await factory.CreateUserAsync("create-bot", "bot");

        var response = await bot.PostAsync("users.create", new { username = "botmade", email = "botmade@videoconf.test", password = "botmade-pass-1" });

        response.AssertForbidden();
    }

    [Fact]
    public async Task Create_AsNonAdminWithInvalidParams_ReportsInvalidParamsBeforePermission()
    {
        var user = await factory.CreateUserAsync("plain-invalid");

        var response = await user.PostAsync("users.create", new { email = "x@videoconf.test", password = "pass-1" });

        response.AssertInvalidParams("must have required property 'username'");
    }

    [Theory]
    [InlineData("""{"email":"a@videoconf.test","password":"p"}""", "must have required property 'username'")]
    [InlineData("""{"username":"nomail","password":"p"}""", "must have required property 'email'")]
    [InlineData("""{"username":"nopass","email":"nopass@videoconf.test"}""", "must have required property 'password'")]
    [InlineData("""{}""", "must have required property 'username'")]
    [InlineData("""{"password":"p"}""", "must have required property 'username'")]
    [InlineData("""{"username":"extra","email":"extra@videoconf.test","password":"p","nickname":"x"}""", "must NOT have additional properties")]
    [InlineData("""{"username":"extra2","password":"p","nickname":"x"}""", "must have required property 'email'")]
    [InlineData("""{"username":"Extra3","email":"extra3@videoconf.test","password":"p","Username":"x"}""", "must NOT have additional properties")]
    [InlineData("""{"username":{"a":1},"email":"o@videoconf.test","password":"p"}""", "must be string")]
    [InlineData("""{"username":"arr","email":["arr@videoconf.test"],"password":"p"}""", "must be string")]
    [InlineData("""{"username":"pwobj","email":"pwobj@videoconf.test","password":{"digest":"x"}}""", "must be string")]
    [InlineData("""{"username":"nameobj","email":"nameobj@videoconf.test","password":"p","name":[]}""", "must be string")]
    [InlineData("""{"username":"rolestr","email":"rolestr@videoconf.test","password":"p","roles":"admin"}""", "must be array")]
    [InlineData("""{"username":"roleobj","email":"roleobj@videoconf.test","password":"p","roles":[{"r":1}]}""", "must be string")]
    [InlineData("""{"username":"activestr","email":"activestr@videoconf.test","password":"p","active":"yes"}""", "must be boolean")]
    [InlineData("""{"username":"activenum","email":"activenum@videoconf.test","password":"p","active":2}""", "must be boolean")]
    [InlineData("""{"username":{"a":1},"email":"typeorder@videoconf.test","password":"p","active":"yes"}""", "must be string")]
    public async Task Create_WithBadParams_ReportsTheFirstValidationError(string body, string message)
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("users.create", body);

        response.AssertInvalidParams(message);
    }

    [Fact]
    public async Task Create_WithInvalidJson_ReportsInvalidJsonBody()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("users.create", """{"username":"broken",""");

        response.AssertInvalidParams("Invalid JSON body");
    }

    [Fact]
    public async Task Create_WithTakenUsername_ReturnsUsernameInUse()
    {
        var admin = await factory.LoginAdminAsync();
        (await admin.PostAsync("users.create", new { username = "taken", email = "taken1@videoconf.test", password = "p-1" })).AssertOk();

        var response = await admin.PostAsync("users.create", new { username = "taken", email = "taken2@videoconf.test", password = "p-2" });

        response.AssertBody(HttpStatusCode.BadRequest, AccountBodies.UsernameTaken);
    }

    [Fact]
    public async Task Create_WithTakenUsernameInOtherCase_ReturnsUsernameInUse()
    {
        var admin = await factory.LoginAdminAsync();
        (await admin.PostAsync("users.create", new { username = "casey", email = "casey1@videoconf.test", password = "p-1" })).AssertOk();

        var response = await admin.PostAsync("users.create", new { username = "CaSeY", email = "casey2@videoconf.test", password = "p-2" });

        response.AssertBody(HttpStatusCode.BadRequest, AccountBodies.UsernameTaken);
    }

    [Fact]
    public async Task Create_WithAdminsUsername_ReturnsUsernameInUse()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("users.create", new { username = "Admin", email = "impostor@videoconf.test", password = "p-1" });

        response.AssertBody(HttpStatusCode.BadRequest, AccountBodies.UsernameTaken);
    }

    [Fact]
    public async Task Create_WithTakenEmail_ReturnsEmailExists()
    {
        var admin = await factory.LoginAdminAsync();
        (await admin.PostAsync("users.create", new { username = "mail-one", email = "shared@videoconf.test", password = "p-1" })).AssertOk();

        var response = await admin.PostAsync("users.create", new { username = "mail-two", email = "shared@videoconf.test", password = "p-2" });

        response.AssertBody(HttpStatusCode.BadRequest, AccountBodies.EmailTaken);
    }

    [Fact]
    public async Task Create_WithTakenEmailInOtherCase_ReturnsEmailExists()
    {
        var admin = await factory.LoginAdminAsync();
        (await admin.PostAsync("users.create", new { username = "upper-one", email = "upper@videoconf.test", password = "p-1" })).AssertOk();

        var response = await admin.PostAsync("users.create", new { username = "upper-two", email = "UPPER@VideoConf.Test", password = "p-2" });

        response.AssertBody(HttpStatusCode.BadRequest, AccountBodies.EmailTaken);
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("slash/name")]
    [InlineData("at@sign")]
    [InlineData("")]
    [InlineData("ünïcode")]
    [InlineData("trailing-newline\n")]
    [InlineData("tab\tname")]
    [InlineData("x123456789x123456789x123456789x123456789x123456789x123456789abcde")] // 65 characters
    public async Task Create_WithInvalidUsername_ReturnsInvalidUsername(string username)
    {
        var admin = await factory.LoginAdminAsync();
        var email = $"invalid-{Guid.NewGuid():N}@videoconf.test";

        var response = await admin.PostAsync("users.create", new { username, email, password = "p-1" });

        response.AssertFailureWithReason("error-invalid-username");
    }

    [Fact]
    public async Task Create_WithUsernameOf64AllowedCharacters_Succeeds()
    {
        var admin = await factory.LoginAdminAsync();
        var username = "a.b-c_D9" + new string('x', 56);

        var response = await admin.PostAsync("users.create", new { username, email = "long@videoconf.test", password = "p-1" });

        response.AssertOk();
        Assert.Equal(64, username.Length);
        Assert.Equal(username, response.Json["user"]!["username"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("missing-domain@")]
    [InlineData("@missing-local.test")]
    [InlineData("no-dot@domain")]
    [InlineData("two@at@signs.test")]
    [InlineData("spa ce@videoconf.test")]
    [InlineData("")]
    public async Task Create_WithInvalidEmail_ReturnsInvalidEmail(string email)
    {
        var admin = await factory.LoginAdminAsync();
        var username = $"badmail-{Guid.NewGuid():N}"[..20];

        var response = await admin.PostAsync("users.create", new { username, email, password = "p-1" });

        response.AssertFailureWithReason("error-invalid-email");
    }

    [Fact]
    public async Task Create_WithoutName_DefaultsNameToUsername()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("users.create", new { username = "nameless", email = "nameless@videoconf.test", password = "p-1" });

        response.AssertOk();
        Assert.Equal("nameless", response.Json["user"]!["name"]!.GetValue<string>());
        var info = await admin.GetAsync("users.info?username=nameless");
        Assert.Equal("nameless", info.Json["user"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithoutRoles_GivesRoleUser()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("users.create", new { username = "roleless", email = "roleless@videoconf.test", password = "p-1" });

        response.AssertOk();
        Assert.Equal(["user"], response.Json["user"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.True(response.Json["user"]!["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Create_WithBotRole_CreatesABotUser()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("users.create", new { username = "helper-bot", email = "helper-bot@videoconf.test", password = "p-1", roles = new[] { "bot" } });

        response.AssertOk();
        Assert.Equal("bot", response.Json["user"]!["type"]!.GetValue<string>());
        Assert.Equal(["bot"], response.Json["user"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Create_WithAdminRole_GivesThePermissionToCreateUsers()
    {
        var admin = await factory.LoginAdminAsync();
        var created = await admin.PostAsync("users.create", new { username = "second-admin", email = "second-admin@videoconf.test", password = "second-admin-pw", roles = new[] { "admin", "user" } });
        created.AssertOk();
        Assert.Equal(["admin", "user"], created.Json["user"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        var second = await factory.CreateApiClient().LoginAsync("second-admin", "second-admin-pw");

        var response = await second.PostAsync("users.create", new { username = "by-second", email = "by-second@videoconf.test", password = "p-1" });

        response.AssertOk();
    }

    [Fact]
    public async Task Create_WithActiveFalse_CreatesAnInactiveUserWhoCannotLogIn()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("users.create", new { username = "inactive", email = "inactive@videoconf.test", password = "inactive-pw", active = false });

        response.AssertOk();
        Assert.False(response.Json["user"]!["active"]!.GetValue<bool>());
        var login = await factory.CreateApiClient().PostAsync("login", new { user = "inactive", password = "inactive-pw" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.Status);
    }

    [Fact]
    public async Task Create_WithActiveAsStringTrue_CoercesToBoolean()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("users.create", """{"username":"coerced","email":"coerced@videoconf.test","password":"p-1","active":"false"}""");

        response.AssertOk();
        Assert.False(response.Json["user"]!["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Create_TwoUsers_GetDistinctIds()
    {
        var admin = await factory.LoginAdminAsync();

        var a = await admin.PostAsync("users.create", new { username = "twin-a", email = "twin-a@videoconf.test", password = "p-1" });
        var b = await admin.PostAsync("users.create", new { username = "twin-b", email = "twin-b@videoconf.test", password = "p-1" });

        Assert.NotEqual(a.Json["user"]!["_id"]!.GetValue<string>(), b.Json["user"]!["_id"]!.GetValue<string>());
    }
}
