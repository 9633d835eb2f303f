using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Distributed;

[Trait("Category", "Distributed")]
public sealed class LostRedisTests
{
    [Fact]
    public async Task RedisGone_RateLimitingFallsBackToThisInstance_WithAWarningAndNoErrors()
    {
        var postgres = await PostgresServer.Shared;
        var redis = await RedisServer.StartAsync();
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgres",
            ["ConnectionStrings__Postgres"] = await postgres.CreateDatabaseAsync(),
            ["ConnectionStrings__Redis"] = redis.ConnectionString,
            ["ADMIN_USERNAME"] = VideoConfFactory.AdminUsername,
            ["ADMIN_PASS"] = VideoConfFactory.AdminPassword,
            ["ADMIN_EMAIL"] = "admin@videoconf.test",
            ["Accounts__PasswordWorkFactor"] = "4",
            ["Settings__API_Enable_Rate_Limiter_Limit_Calls_Default"] = "1000",
        });
        var admin = await server.CreateApiClient().LoginAsync(VideoConfFactory.AdminUsername, VideoConfFactory.AdminPassword);
        (await admin.PostAsync("users.create", new { username = "alone", email = "alone@videoconf.test", password = "pw-alone" })).AssertOk();
        var user = await server.CreateApiClient().LoginAsync("alone", "pw-alone");
        var shared = await user.GetAsync("me");
        shared.AssertOk();
        Assert.Equal("999", shared.Header("X-RateLimit-Remaining"));

        await redis.DisposeAsync();

        var degraded = await user.GetAsync("me");
        degraded.AssertOk();
        Assert.Equal("1000", degraded.Header("X-RateLimit-Limit"));
        Assert.NotNull(degraded.Header("X-RateLimit-Remaining"));
        var logged = await TwoInstances.EventuallyAsync(
            () => Task.FromResult(server.Output),
            output => output.Contains("rate limiting falls back to this instance", StringComparison.Ordinal),
            "the fallback warning in the log");
        Assert.DoesNotContain("\"LogLevel\":\"Error\"", logged, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("users.info?username=alone")).Status);
    }
}
