using System.Net;
using System.Text.Json.Nodes;
using VideoConf.Server.Accounts;
using VideoConf.Server.Tests.Infrastructure;
using VideoConf.Server.Tests.RateLimiting;

namespace VideoConf.Server.Tests.Security;

/// <summary>
/// S5 (docs/contract.md): failed logins are limited per target account and per client address whatever credentials the
/// request carries, with Rocket.Chat's <c>Block_Multiple_Failed_Logins_*</c> settings (5 per account in 5 minutes).
/// </summary>
public sealed class FailedLoginLimitTests : IDisposable
{
    private readonly RateLimitedFactory _factory;

    public FailedLoginLimitTests()
    {
        _factory = new RateLimitedFactory();
        _factory.WithSetting("Settings:Block_Multiple_Failed_Logins_Enabled", "true")
            .WithSetting("Settings:Block_Multiple_Failed_Logins_Attempts_Until_Block_By_Ip", "1000");
    }

    public void Dispose() => _factory.Dispose();

    private static string BlockedBody(string code, string reason) =>
        new JsonObject { ["success"] = false, ["error"] = $"{reason} [{code}]", ["errorType"] = code }.ToJsonString();

    private static readonly string BlockedForUser = BlockedBody("error-login-blocked-for-user", "Login has been temporarily blocked For User");

    private static readonly string BlockedForIp = BlockedBody("error-login-blocked-for-ip", "Login has been temporarily blocked For IP");

    private ApiClient From(string address)
    {
        var client = _factory.CreateApiClient();
        client.Http.DefaultRequestHeaders.Add(RateLimitedFactory.PeerHeader, address);
        return client;
    }

    private static Task<ApiResponse> GuessAsync(ApiClient client, string user) =>
        client.PostAsync("login", new { user, password = "wrong-guess-1" });

    [Fact]
    public async Task Login_AfterFiveFailuresForOneAccount_AnswersTooManyRequestsUntilTheWindowEnds()
    {
        var victim = await _factory.NewAccountAsync("victim");
        var client = From("203.0.113.10");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await GuessAsync(client, victim)).Status);
        }

        _factory.Time.Advance(TimeSpan.FromMinutes(2));
        // The right password does not get through either while the account is blocked.
        var blocked = await client.PostAsync("login", new { user = victim, password = TestAccounts.PasswordOf(victim) });
        blocked.AssertBody(HttpStatusCode.TooManyRequests, BlockedForUser);
        Assert.Equal("180", blocked.Header("Retry-After"));
        // Another address, and the account's e-mail instead of its name, count against the same account.
        (await From("198.51.100.7").PostAsync("login", new { email = $"{victim}@videoconf.test", password = "x" }))
            .AssertBody(HttpStatusCode.TooManyRequests, BlockedForUser);

        _factory.Time.Advance(TimeSpan.FromMinutes(3));
        (await client.PostAsync("login", new { user = victim, password = TestAccounts.PasswordOf(victim) })).AssertOk();
    }

    [Fact]
    public async Task Login_WithABypassUsersHeaders_IsBlockedLikeAnyOther()
    {
        var victim = await _factory.NewAccountAsync("victim");
        var bot = await _factory.NewUserAsync("bot", "bot");
        bot.Http.DefaultRequestHeaders.Add(RateLimitedFactory.PeerHeader, "203.0.113.20");
        await _factory.EnableLimiterAsync();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add((await GuessAsync(bot, victim)).Status);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)), answers);
    }

    [Fact]
    public async Task Login_ConcurrentGuessesAtOneAccount_CheckExactlyFivePasswords()
    {
        var hasher = _factory.GetService<PasswordHasher>();
        for (var round = 0; round < 15; round++)
        {
            var victim = await _factory.NewAccountAsync("race");
            var client = From($"203.0.113.{30 + round}");
            var before = hasher.Verifications;

            var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => GuessAsync(client, victim)));

            Assert.Equal(5, answers.Count(a => a.Status == HttpStatusCode.Unauthorized));
            Assert.Equal(15, answers.Count(a => a.Status == HttpStatusCode.TooManyRequests));
            Assert.Equal(5, hasher.Verifications - before);
        }
    }

    [Fact]
    public async Task Login_AfterASuccess_ForgetsTheAccountsFailures()
    {
        var user = await _factory.NewAccountAsync("forgetful");
        var client = From("203.0.113.60");
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await GuessAsync(client, user)).Status);
        }
        (await client.PostAsync("login", new { user, password = TestAccounts.PasswordOf(user) })).AssertOk();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await GuessAsync(client, user)).Status);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GuessAsync(client, user)).Status);
    }

    [Fact]
    public async Task Login_FromOneAddress_IsBlockedAcrossAccounts_AndOwnSuccessesInBetweenDoNotResetIt()
    {
        var own = await _factory.NewAccountAsync("own");
        var admin = await _factory.LoginAdminAsync();
        await admin.ChangeSettingAsync("Block_Multiple_Failed_Logins_Attempts_Until_Block_By_Ip", 3);
        await admin.ChangeSettingAsync("Block_Multiple_Failed_Logins_Ip_Whitelist", "192.0.2.1, 192.0.2.2");
        var attacker = From("203.0.113.70");

        for (var i = 0; i < 3; i++)
        {
            (await attacker.PostAsync("login", new { user = own, password = TestAccounts.PasswordOf(own) })).AssertOk();
            Assert.Equal(HttpStatusCode.Unauthorized, (await GuessAsync(attacker, $"sprayed-{i}")).Status);
        }

        var blocked = await GuessAsync(attacker, "sprayed-next");
        blocked.AssertBody(HttpStatusCode.TooManyRequests, BlockedForIp);
        Assert.Equal("300", blocked.Header("Retry-After"));
        (await attacker.PostAsync("login", new { user = own, password = TestAccounts.PasswordOf(own) }))
            .AssertBody(HttpStatusCode.TooManyRequests, BlockedForIp);
        // Other addresses are not affected, and a listed address is never blocked by address.
        Assert.Equal(HttpStatusCode.Unauthorized, (await GuessAsync(From("203.0.113.71"), "sprayed-other")).Status);
        var listed = From("192.0.2.2");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await GuessAsync(listed, $"listed-{i}")).Status);
        }
    }

    [Fact]
    public async Task BlockedLogin_ForAKnownAndAnUnknownAccount_AnswersTheSameAndChecksNoPassword()
    {
        var known = await _factory.NewAccountAsync("known");
        var unknown = $"nobody-{Guid.NewGuid():N}"[..16];
        var client = From("203.0.113.80");
        var hasher = _factory.GetService<PasswordHasher>();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(ApiBodies.LoginFailed, (await GuessAsync(client, known)).Text);
            Assert.Equal(ApiBodies.LoginFailed, (await GuessAsync(client, unknown)).Text);
        }

        var before = hasher.Verifications;
        var knownBlocked = await GuessAsync(client, known);
        var unknownBlocked = await GuessAsync(client, unknown);

        Assert.Equal(before, hasher.Verifications);
        knownBlocked.AssertBody(HttpStatusCode.TooManyRequests, BlockedForUser);
        Assert.Equal(knownBlocked.Text, unknownBlocked.Text);
        Assert.Equal(knownBlocked.Header("Retry-After"), unknownBlocked.Header("Retry-After"));
    }

    [Fact]
    public async Task Login_WhenBlockingIsSwitchedOff_IsNeverBlocked()
    {
        var user = await _factory.NewAccountAsync("free");
        var admin = await _factory.LoginAdminAsync();
        await admin.ChangeSettingAsync("Block_Multiple_Failed_Logins_Enabled", false);
        var client = From("203.0.113.90");
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await GuessAsync(client, user)).Status);
        }
        (await client.PostAsync("login", new { user, password = TestAccounts.PasswordOf(user) })).AssertOk();
    }
}
