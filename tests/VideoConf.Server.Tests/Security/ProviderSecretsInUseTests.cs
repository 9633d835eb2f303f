using System.Security.Cryptography;
using System.Text;
using VideoConf.Server.Tests.Infrastructure;
using VideoConf.Server.Tests.VideoConferences;

namespace VideoConf.Server.Tests.Security;

/// <summary>
/// S1 (docs/contract.md) while the secrets are in use: a provider secret set through the API is used to sign Jitsi tokens
/// and BigBlueButton checksums on every join, yet appears in no response, no log line (captured at Debug level) and
/// nowhere in the store's files (SQLite), as UTF-8 or UTF-16.
/// </summary>
public sealed class ProviderSecretsInUseTests
{
    [Fact]
    public async Task JitsiSecret_SigningTokensOnEveryJoin_AppearsInNoResponseLogOrStore()
    {
        var secret = $"jitsi-secret-{Guid.NewGuid():N}";
        using var factory = new VideoConfFactory()
            .WithSetting("Settings:Jitsi_Enabled_TokenAuth", "true")
            .WithSetting("Settings:Jitsi_Application_ID", "videoconf-app");
        var responses = await SetSecretAsync(factory, "Jitsi_Application_Secret", secret);

        var joins = await CallsWithJoinsAsync(factory, responses);

        foreach (var join in joins)
        {
            var jwt = new Uri(join.Json["url"]!.GetValue<string>()).Query.TrimStart('?').Split('&').Single(p => p.StartsWith("jwt=", StringComparison.Ordinal))[4..];
            Assert.True(SignedWith(jwt, secret), $"The join token is not signed with the secret set through the API: {jwt}");
        }
        await AssertNowhereAsync(factory, secret, responses);
    }

    [Fact]
    public async Task BigBlueButtonSecret_ChecksummingEveryJoin_AppearsInNoResponseLogOrStore()
    {
        var secret = $"bbb-secret-{Guid.NewGuid():N}";
        await using var bbb = await FakeBigBlueButtonServer.StartAsync(secret);
        using var factory = new VideoConfFactory()
            .WithSetting("Settings:VideoConf_Enabled_Providers", "bigbluebutton")
            .WithSetting("Settings:BigBlueButton_Server_URL", bbb.ServerUrl);
        var responses = await SetSecretAsync(factory, "BigBlueButton_Shared_Secret", secret);

        var joins = await CallsWithJoinsAsync(factory, responses);

        // The fake server accepts a create only with a checksum made with its secret: every join got through it.
        Assert.Equal(joins.Count, bbb.CreateQueries.Count);
        await AssertNowhereAsync(factory, secret, responses);
    }

    private static async Task<List<ApiResponse>> SetSecretAsync(VideoConfFactory factory, string id, string secret)
    {
        var admin = await factory.LoginAdminAsync();
        var set = await admin.PostAsync($"settings/{id}", new { value = secret });
        set.AssertOk();
        return [set, await admin.GetAsync($"settings/{id}"), await admin.GetAsync("settings.public?count=0")];
    }

    /// <summary>Two calls in a channel, each joined by both users with and without media state; every answer is kept.</summary>
    private static async Task<List<ApiResponse>> CallsWithJoinsAsync(VideoConfFactory factory, List<ApiResponse> responses)
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var roomId = await alice.CreateChannelAsync(bob);
        var joins = new List<ApiResponse>();
        for (var i = 0; i < 2; i++)
        {
            var start = await alice.PostAsync("video-conference.start", new { roomId, title = $"call {i}" });
            start.AssertOk();
            responses.Add(start);
            var callId = start.Json["data"]!["callId"]!.GetValue<string>();
            joins.Add(await alice.PostAsync("video-conference.join", new { callId, state = new { mic = true, cam = false } }));
            joins.Add(await bob.JoinCallAsync(callId));
            responses.Add(await bob.GetAsync($"video-conference.info?callId={callId}"));
        }
        Assert.All(joins, j => j.AssertOk());
        responses.AddRange(joins);
        responses.Add(await alice.GetAsync($"video-conference.list?roomId={roomId}"));
        responses.Add(await alice.GetAsync("video-conference.capabilities"));
        responses.Add(await alice.GetAsync("video-conference.providers"));
        return joins;
    }

    private static async Task AssertNowhereAsync(VideoConfFactory factory, string secret, List<ApiResponse> responses)
    {
        Assert.All(responses, r => Assert.DoesNotContain(secret, r.Text, StringComparison.Ordinal));
        Assert.NotEmpty(factory.Logs.Lines);
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        if (TestBackend.IsPostgres)
        {
            // Encryption happens before either store sees the value; SecretSettingTests scans PostgreSQL's files for secrets at rest.
            return;
        }
        var store = await factory.ReadStoreBytesAsync();
        Assert.NotEmpty(store);
        Assert.True(store.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, "The store holds the secret as UTF-8.");
        Assert.True(store.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) < 0, "The store holds the secret as UTF-16.");
    }

    /// <summary>Whether the HS256 token's signature was made with <paramref name="secret"/>.</summary>
    private static bool SignedWith(string jwt, string secret)
    {
        var parts = jwt.Split('.');
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        return parts.Length == 3 && Convert.ToBase64String(expected).TrimEnd('=').Replace('+', '-').Replace('/', '_') == parts[2];
    }
}
