using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Distributed;

/// <summary>An instance that starts while Redis is down serves at once and joins the event flow when Redis comes.</summary>
[Trait("Category", "Distributed")]
public sealed class RedisDownAtStartTests
{
    [Fact]
    public async Task RedisDownWhenAnInstanceStarts_ItServes_AndHearsTheOtherInstanceOnceRedisIsUp()
    {
        var postgres = await PostgresServer.Shared;
        var redisPort = PostgresServer.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgres",
            ["ConnectionStrings__Postgres"] = await postgres.CreateDatabaseAsync(),
            ["ConnectionStrings__Redis"] = $"127.0.0.1:{redisPort},abortConnect=false,connectTimeout=2000,syncTimeout=2000",
            ["ADMIN_USERNAME"] = VideoConfFactory.AdminUsername,
            ["ADMIN_PASS"] = VideoConfFactory.AdminPassword,
            ["ADMIN_EMAIL"] = "admin@videoconf.test",
            ["Accounts__PasswordWorkFactor"] = "4",
            ["Settings__API_Enable_Rate_Limiter"] = "false",
        };

        await using var a = await ServerProcess.StartAsync(environment);
        var adminA = await a.CreateApiClient().LoginAsync(VideoConfFactory.AdminUsername, VideoConfFactory.AdminPassword);
        (await adminA.PostAsync("settings/Jitsi_Domain", new { value = "alone.example.org" })).AssertOk();

        await using var redis = await RedisServer.StartAsync(redisPort);
        await using var b = await ServerProcess.StartAsync(environment);
        var adminB = await b.CreateApiClient().LoginAsync(VideoConfFactory.AdminUsername, VideoConfFactory.AdminPassword);
        await EventChannel.WaitForSubscribersAsync(redis.ConnectionString, 2);

        // Heard through Redis, well inside the 30 s periodic re-read that would otherwise bring it.
        const string domain = "together.example.org";
        (await adminB.PostAsync("settings/Jitsi_Domain", new { value = domain })).AssertOk();
        await TwoInstances.EventuallyAsync(
            async () => (await adminA.GetAsync("settings/Jitsi_Domain")).Json["value"]!.GetValue<string>(),
            value => value == domain,
            "the new Jitsi_Domain on the instance that started without Redis");
        Assert.DoesNotContain("\"LogLevel\":\"Error\"", a.Output, StringComparison.Ordinal);
    }
}
