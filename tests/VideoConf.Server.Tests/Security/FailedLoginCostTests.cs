using System.Net;
using VideoConf.Server.Accounts;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Security;

/// <summary>
/// S4 (docs/contract.md), checked structurally rather than by timing: every failed login costs exactly one password-hash
/// computation whether the user exists or not, and answers the same bytes.
/// </summary>
public sealed class FailedLoginCostTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task FailedLogin_ForUnknownUserAndForWrongPassword_CostsOneVerificationEachAndAnswersIdentically()
    {
        var known = await factory.NewAccountAsync("known");
        var hasher = factory.GetService<PasswordHasher>();
        var client = factory.CreateApiClient();

        var before = hasher.Verifications;
        var unknown = await client.PostAsync("login", new { user = "no-such-user", password = "guess-Pa55" });
        var afterUnknown = hasher.Verifications;
        var wrong = await client.PostAsync("login", new { user = known, password = "guess-Pa55" });
        var afterWrong = hasher.Verifications;

        Assert.Equal(1, afterUnknown - before);
        Assert.Equal(1, afterWrong - afterUnknown);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(ApiBodies.LoginFailed, unknown.Text);
        Assert.Equal(unknown.Text, wrong.Text);
        Assert.Equal(unknown.Header("Content-Type"), wrong.Header("Content-Type"));
    }

    [Theory]
    [InlineData("unknown user", """{"user":"nobody-here","password":"guess-Pa55"}""")]
    [InlineData("unknown e-mail as user", """{"user":"nobody@videoconf.test","password":"guess-Pa55"}""")]
    [InlineData("unknown username field", """{"username":"nobody-here","password":"guess-Pa55"}""")]
    [InlineData("unknown email field", """{"email":"nobody@videoconf.test","password":"guess-Pa55"}""")]
    [InlineData("unknown user with digest", """{"user":"nobody-here","password":{"digest":"0000000000000000000000000000000000000000000000000000000000000000","algorithm":"sha-256"}}""")]
    [InlineData("no identity at all", """{"password":"guess-Pa55"}""")]
    [InlineData("wrong password", """{"user":"{known}","password":"guess-Pa55"}""")]
    [InlineData("wrong password by e-mail", """{"user":"{known}@videoconf.test","password":"guess-Pa55"}""")]
    [InlineData("wrong password by email field", """{"email":"{known}@videoconf.test","password":"guess-Pa55"}""")]
    [InlineData("wrong digest", """{"user":"{known}","password":{"digest":"0000000000000000000000000000000000000000000000000000000000000000","algorithm":"sha-256"}}""")]
    [InlineData("malformed digest", """{"user":"{known}","password":{"digest":"zz","algorithm":"sha-256"}}""")]
    [InlineData("no password", """{"user":"{known}"}""")]
    public async Task FailedLogin_OfAnyKind_CostsExactlyOneVerificationAndAnswersTheSameBody(string kind, string bodyTemplate)
    {
        var known = await factory.NewAccountAsync("known");
        var hasher = factory.GetService<PasswordHasher>();
        var body = bodyTemplate.Replace("{known}", known, StringComparison.Ordinal);

        var before = hasher.Verifications;
        var response = await factory.CreateApiClient().PostAsync("login", body);
        var cost = hasher.Verifications - before;

        Assert.True(cost == 1, $"A failed login ({kind}) cost {cost} password-hash verifications instead of 1.");
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(ApiBodies.LoginFailed, response.Text);
    }

    [Fact]
    public async Task FailedLogin_OfDeactivatedUserWithRightPassword_CostsOneVerificationAndAnswersTheSameBody()
    {
        var name = $"off-{Guid.NewGuid():N}"[..16];
        await factory.CreateAccountAsync(name, "Off", active: false);
        var hasher = factory.GetService<PasswordHasher>();

        var before = hasher.Verifications;
        var response = await factory.CreateApiClient().PostAsync("login", new { user = name, password = TestAccounts.PasswordOf(name) });

        Assert.Equal(1, hasher.Verifications - before);
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(ApiBodies.LoginFailed, response.Text);
    }

    [Fact]
    public async Task SuccessfulLogin_CostsExactlyOneVerification()
    {
        var known = await factory.NewAccountAsync("known");
        var hasher = factory.GetService<PasswordHasher>();

        var before = hasher.Verifications;
        var response = await factory.CreateApiClient().PostAsync("login", new { user = known, password = TestAccounts.PasswordOf(known) });

        response.AssertOk();
        Assert.Equal(1, hasher.Verifications - before);
    }
}
