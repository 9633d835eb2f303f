using System.Net;
using System.Text;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Security;

/// <summary>
/// S1 (docs/contract.md): no raw login token, personal access token or password in the database file or any log line; a raw
/// token appears only in the response that issues it; provider secrets are encrypted at rest and never shown.
/// </summary>
public sealed class SecretsAtRestTests
{
    private const string SecretValue = "jitsi-secret-Q7v2Lm9xWc4Rt8Zp";
    private const string MaskedSecretBody = """{"_id":"Jitsi_Application_Secret","value":"********","success":true}""";

    [Fact]
    public async Task StoreAndLogs_AfterLoginsTokensAccountsAndASecret_HoldNoRawCredential()
    {
        using var factory = new VideoConfFactory();
        var sensitive = new List<(string What, string Value)>();
        void Password(string what, string value)
        {
            sensitive.Add((what, value));
            // The SHA-256 hex is as good as the password itself: login accepts it as a digest.
            sensitive.Add(($"{what} (sha-256 digest)", TestAccounts.Sha256Hex(value)));
        }

        var admin = await factory.LoginAdminAsync();
        Password("admin password", TestAccounts.AdminPassword);
        sensitive.Add(("admin login token", admin.AuthToken!));

        const string createdPassword = "stella-Pa55word-created";
        var created = await admin.PostAsync("users.create", new { username = "stella", email = "stella@videoconf.test", password = createdPassword });
        created.AssertOk();
        var stellaId = created.Json["user"]!["_id"]!.GetValue<string>();
        Password("users.create password", createdPassword);
        sensitive.Add(("plain login token", await LoginTokenAsync(factory, new { user = "stella", password = createdPassword })));
        sensitive.Add(("digest login token", await LoginTokenAsync(factory, new
        {
            user = "stella@videoconf.test",
            password = new { digest = TestAccounts.Sha256Hex(createdPassword), algorithm = "sha-256" },
        })));
        var stellaToken = await LoginTokenAsync(factory, new { username = "stella", password = createdPassword });
        sensitive.Add(("username login token", stellaToken));
        sensitive.Add(("resume login token", await LoginTokenAsync(factory, new { resume = stellaToken })));
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "stella", ["password"] = createdPassword }))
        {
            var formLogin = await factory.CreateApiClient().PostRawAsync("login", form);
            formLogin.AssertOk();
            sensitive.Add(("form login token", formLogin.Json["data"]!["authToken"]!.GetValue<string>()));
        }

        var stella = factory.CreateApiClient().As(stellaId, stellaToken);
        var pat = await stella.PostAsync("users.generatePersonalAccessToken", new { tokenName = "s1" });
        pat.AssertOk();
        sensitive.Add(("personal access token", pat.Json["token"]!.GetValue<string>()));

        const string registeredPassword = "rex-Pa55word-registered";
        (await factory.CreateApiClient().PostAsync("users.register", new { username = "rex", email = "rex@videoconf.test", pass = registeredPassword })).AssertOk();
        Password("users.register password", registeredPassword);
        sensitive.Add(("registered user's login token", await LoginTokenAsync(factory, new { email = "rex@videoconf.test", password = registeredPassword })));

        const string wrongGuess = "wrong-guess-Pa55word";
        var failed = await factory.CreateApiClient().PostAsync("login", new { user = "stella", password = wrongGuess });
        Assert.Equal(HttpStatusCode.Unauthorized, failed.Status);
        Password("wrong password attempt", wrongGuess);

        (await admin.PostAsync("settings/Jitsi_Application_Secret", new { value = SecretValue })).AssertBody(HttpStatusCode.OK, """{"success":true}""");
        sensitive.Add(("Jitsi_Application_Secret", SecretValue));
        (await admin.GetAsync("settings/Jitsi_Application_Secret")).AssertBody(HttpStatusCode.OK, MaskedSecretBody);

        var whileRunning = await StoreFiles.ReadAllAsync(factory);
        factory.Dispose();
        var afterShutdown = await StoreFiles.ReadAllAsync(factory);
        var logs = factory.Logs.Lines.ToArray();

        Assert.NotEmpty(logs);
        var leaks = new List<string>();
        foreach (var (what, value) in sensitive)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            if (StoreFiles.Contains(whileRunning, bytes) || StoreFiles.Contains(afterShutdown, bytes))
            {
                leaks.Add($"{what} is in the SQLite files");
            }
            leaks.AddRange(logs.Where(line => line.Contains(value, StringComparison.Ordinal)).Select(line => $"{what} is in log line: {line}"));
        }
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    [Fact]
    public async Task Store_KeepsLoginAndPersonalTokensOnlyAsBase64OfSha256()
    {
        using var factory = new VideoConfFactory();
        var user = await factory.CreateUserAsync("hashed");
        var pat = await user.PostAsync("users.generatePersonalAccessToken", new { tokenName = "stored-form" });
        pat.AssertOk();
        var tokens = new[] { ("login token", user.AuthToken!), ("personal access token", pat.Json["token"]!.GetValue<string>()) };

        factory.Dispose();
        var files = await StoreFiles.ReadAllAsync(factory);

        foreach (var (what, token) in tokens)
        {
            Assert.False(StoreFiles.Contains(files, Encoding.UTF8.GetBytes(token)), $"The raw {what} is in the SQLite files.");
            Assert.True(StoreFiles.Contains(files, Encoding.UTF8.GetBytes(TestAccounts.StoredTokenForm(token))),
                $"The {what} is not stored as base64(sha256(token)).");
        }
    }

    [Fact]
    public async Task IssuedLoginToken_AppearsInNoLaterResponse()
    {
        using var factory = new VideoConfFactory();
        var user = await factory.CreateUserAsync("quiet");
        var token = user.AuthToken!;
        var admin = await factory.LoginAdminAsync();

        var later = new[]
        {
            await user.GetAsync("me"),
            await user.GetAsync($"users.info?userId={user.UserId}"),
            await admin.GetAsync("users.info?username=quiet"),
            await user.PostAsync("users.generatePersonalAccessToken", new { tokenName = "later" }),
            await factory.CreateApiClient().PostAsync("login", new { resume = token }),
            await user.PostAsync("logout"),
        };

        foreach (var response in later)
        {
            Assert.True(response.Status == HttpStatusCode.OK, response.Text);
            Assert.DoesNotContain(token, response.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SecretSetting_IsMaskedWhenReadAndAbsentFromPublicSettings()
    {
        using var factory = new VideoConfFactory();
        var admin = await factory.LoginAdminAsync();
        await admin.ChangeSettingAsync("Jitsi_Application_Secret", SecretValue);

        var read = await admin.GetAsync("settings/Jitsi_Application_Secret");
        var everyPublic = await factory.CreateApiClient().GetAsync("settings.public?count=0");
        var asked = await factory.CreateApiClient().GetAsync("settings.public?_id=Jitsi_Application_Secret,Jitsi_Domain");

        read.AssertBody(HttpStatusCode.OK, MaskedSecretBody);
        everyPublic.AssertOk();
        asked.AssertOk();
        foreach (var response in new[] { everyPublic, asked })
        {
            Assert.DoesNotContain(SecretValue, response.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Jitsi_Application_Secret", response.Text, StringComparison.Ordinal);
        }
        Assert.Contains("Jitsi_Domain", asked.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretSetting_AfterRestartOnTheSameStore_IsStillSetAndMasked()
    {
        using var first = new VideoConfFactory();
        var admin = await first.LoginAdminAsync();
        await admin.ChangeSettingAsync("Jitsi_Application_Secret", SecretValue);
        first.Dispose();

        using var second = VideoConfFactory.OnSameStoreAs(first);
        var again = await second.LoginAdminAsync();

        // An empty secret reads back as "", so the mask shows the stored value was decrypted after the restart.
        (await again.GetAsync("settings/Jitsi_Application_Secret")).AssertBody(HttpStatusCode.OK, MaskedSecretBody);
        Assert.DoesNotContain(second.Logs.Lines, line => line.Contains("could not be read", StringComparison.Ordinal));
    }

    private static async Task<string> LoginTokenAsync(VideoConfFactory factory, object body)
    {
        var response = await factory.CreateApiClient().PostAsync("login", body);
        response.AssertOk();
        return response.Json["data"]!["authToken"]!.GetValue<string>();
    }
}
