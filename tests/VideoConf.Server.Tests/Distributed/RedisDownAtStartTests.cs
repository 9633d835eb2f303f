using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Distributed;

/// <summary>An instance that starts while Redis is down serves at once and joins the event flow when Redis comes.</summary>
[Trait("Category", "Distributed")]
public sealed class RedisDownAtStartTests
{
    [Fact]
    public async Task RedisDownWhenAnInstanceStarts_ItServes_AndHearsTheOtherInstanceOnceRedisIsUp()
    {
        var redisPort = LoopbackPort.Free();
        var environment = await ServerEnvironment.OnPostgresAsync();
        environment["ConnectionStrings__Redis"] = $"127.0.0.1:{redisPort},abortConnect=false,connectTimeout=2000,syncTimeout=2000";

        await using var a = await ServerProcess.StartAsync(environment);
        var adminA = await a.LoginAdminAsync();
        await adminA.ChangeSettingAsync("Jitsi_Domain", "alone.example.org");

        await using var redis = await RedisServer.StartAsync(redisPort);
        await using var b = await ServerProcess.StartAsync(environment);
        var adminB = await b.LoginAdminAsync();
        await EventChannel.WaitForSubscribersAsync(redis.ConnectionString, 2);

        // Heard through Redis, well inside the 30 s periodic re-read that would otherwise bring it.
        const string domain = "together.example.org";
        await adminB.ChangeSettingAsync("Jitsi_Domain", domain);
        await Eventually.HoldsAsync(
            async () => (await adminA.GetAsync("settings/Jitsi_Domain")).Json["value"]!.GetValue<string>(),
            value => value == domain,
            "the new Jitsi_Domain on the instance that started without Redis");
        Assert.DoesNotContain("\"LogLevel\":\"Error\"", a.Output, StringComparison.Ordinal);
    }
}
