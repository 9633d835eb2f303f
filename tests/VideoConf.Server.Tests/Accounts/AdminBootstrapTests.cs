using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Accounts;

/// <summary>The first admin from <c>ADMIN_USERNAME</c>/<c>ADMIN_PASS</c>/<c>ADMIN_EMAIL</c>/<c>ADMIN_NAME</c> (contract §2).</summary>
public sealed class AdminBootstrapTests
{
    [Fact]
    public async Task Start_WithAdminVariables_CreatesTheAdminWithRoleAdminAndConfiguredName()
    {
        using var factory = new VideoConfFactory();
        var admin = await factory.LoginAdminAsync();

        var response = await admin.GetAsync("users.info?username=admin");

        response.AssertBody(HttpStatusCode.OK, AccountBodies.UserEnvelope(AccountBodies.User(
            admin.UserId!, "admin", "Administrator", "admin@videoconf.test", factory.Time.GetUtcNow(),
            status: "online", roles: ["admin"], verified: true)));
    }

    [Fact]
    public async Task Start_WithoutAdminName_NamesTheAdminAfterTheUsername()
    {
        using var factory = new VideoConfFactory().WithSetting("ADMIN_NAME", null);
        var admin = await factory.LoginAdminAsync();

        var response = await admin.GetAsync("me");

        response.AssertOk();
        Assert.Equal("admin", response.Json["name"]!.GetValue<string>());
    }

    [Fact]
    public void Start_WithAnAdminNameOver120Characters_StopsWithAMessageNamingTheVariables()
    {
        using var factory = new VideoConfFactory().WithSetting("ADMIN_NAME", new string('a', 121));

        var messages = factory.FailedStartMessages();

        Assert.Contains(messages, m => m.Contains(
            "ADMIN_USERNAME/ADMIN_EMAIL/ADMIN_NAME: the admin account could not be created (The name must be at most 120 characters)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WithAnAdminNameOf120Characters_KeepsTheName()
    {
        var name = new string('a', 120);
        using var factory = new VideoConfFactory().WithSetting("ADMIN_NAME", name);
        var admin = await factory.LoginAdminAsync();

        var response = await admin.GetAsync("me");

        Assert.Equal(name, response.Json["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_WithoutAdminPassword_CreatesNoAdmin()
    {
        using var factory = new VideoConfFactory().WithSetting("ADMIN_PASS", null);

        var response = await factory.CreateApiClient().PostAsync("login", new { user = "admin", password = TestAccounts.AdminPassword });

        response.AssertBody(HttpStatusCode.Unauthorized, ApiBodies.LoginFailed);
    }

    [Fact]
    public async Task Restart_OnTheSameStore_KeepsTheOneAdminAndItsSessions()
    {
        using var first = new VideoConfFactory();
        var admin = await first.LoginAdminAsync();
        var adminId = admin.UserId!;
        var token = admin.AuthToken!;
        first.Dispose();

        using var second = VideoConfFactory.OnSameStoreAs(first);
        var again = await second.LoginAdminAsync();

        Assert.Equal(adminId, again.UserId);
        var byUsername = await again.GetAsync("users.info?username=admin");
        byUsername.AssertOk();
        Assert.Equal(adminId, byUsername.Json["user"]!["_id"]!.GetValue<string>());
        Assert.Equal(["admin"], byUsername.Json["user"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("Administrator", byUsername.Json["user"]!["name"]!.GetValue<string>());
        var oldSession = await second.CreateApiClient().As(adminId, token).GetAsync("me");
        oldSession.AssertOk();
        Assert.Equal(adminId, oldSession.Json["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Restart_WithOtherAdminVariables_CreatesNoSecondAdminWhileOneExists()
    {
        using var first = new VideoConfFactory();
        Assert.NotNull((await first.LoginAdminAsync()).UserId);
        first.Dispose();

        using var second = VideoConfFactory.OnSameStoreAs(first)
            .WithSetting("ADMIN_USERNAME", "other-admin")
            .WithSetting("ADMIN_PASS", "other-admin-pass")
            .WithSetting("ADMIN_EMAIL", "other-admin@videoconf.test");
        var admin = await second.LoginAdminAsync();

        var response = await admin.GetAsync("users.info?username=other-admin");

        response.AssertBody(HttpStatusCode.BadRequest, AccountBodies.UserNotFound);
        var login = await second.CreateApiClient().PostAsync("login", new { user = "other-admin", password = "other-admin-pass" });
        login.AssertBody(HttpStatusCode.Unauthorized, ApiBodies.LoginFailed);
    }
}
