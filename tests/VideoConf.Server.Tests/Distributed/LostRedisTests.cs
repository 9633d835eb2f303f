using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Distributed;

[Trait("Category", "Distributed")]
public sealed partial class LostRedisTests
{
    [Fact]
    public async Task RedisGone_RateLimitingFallsBackToThisInstance_WithAWarningAndNoErrors()
    {
        var redis = await RedisServer.StartAsync();
        var environment = await ServerEnvironment.OnPostgresAsync();
        environment["ConnectionStrings__Redis"] = redis.ConnectionString;
        // The limiter is this test's subject.
        environment["Settings__API_Enable_Rate_Limiter"] = "true";
        environment["Settings__API_Enable_Rate_Limiter_Limit_Calls_Default"] = "1000";
        await using var server = await ServerProcess.StartAsync(environment);
        var user = await server.CreateUserAsync("alone");
        var shared = await user.GetAsync("me");
        shared.AssertOk();
        Assert.Equal("999", shared.Header("X-RateLimit-Remaining"));

        await redis.DisposeAsync();

        var degraded = await user.GetAsync("me");
        degraded.AssertOk();
        Assert.Equal("1000", degraded.Header("X-RateLimit-Limit"));
        Assert.NotNull(degraded.Header("X-RateLimit-Remaining"));
        var logged = await Eventually.HoldsAsync(
            () => Task.FromResult(server.Output),
            output => output.Contains("rate limiting falls back to this instance", StringComparison.Ordinal),
            "the fallback warning in the log");
        Assert.DoesNotContain("\"LogLevel\":\"Error\"", logged, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("users.info?username=alone")).Status);
    }

    [Fact]
    public async Task RedisKilledWhileTwoInstancesServe_WritesDoNotWaitForIt_OneWarningEach_AndEventsFlowAgainWhenItIsBack()
    {
        var redis = await RedisServer.StartAsync();
        var port = redis.Port;
        // The limiter stays off: its fallback is the other test's subject; here it would only refuse the repeated starts.
        var environment = await ServerEnvironment.OnPostgresAsync();
        environment["ConnectionStrings__Redis"] = redis.ConnectionString;
        // The recovery is logged at Information; let the cluster's lines through.
        environment["Logging__LogLevel__VideoConf.Server.Cluster"] = "Information";
        await using var a = await ServerProcess.StartAsync(environment);
        await using var b = await ServerProcess.StartAsync(environment);
        try
        {
            var adminA = await a.LoginAdminAsync();
            var adminB = await b.LoginAdminAsync();
            var caller = await a.CreateUserAsync("caller");
            var roomId = await caller.CreateChannelAsync();
            var outputBefore = (A: a.Output.Length, B: b.Output.Length);

            await redis.DisposeAsync();

            var slow = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                var started = await TimedAsync(() => caller.PostAsync("video-conference.start", new { roomId }), $"start {i}", slow);
                started.AssertOk();
                var changed = await TimedAsync(() => adminA.PostAsync("settings/Jitsi_Domain", new { value = $"lost-{i}.example.org" }), $"setting {i}", slow);
                changed.AssertOk();
            }
            Assert.True(slow.Count == 0, $"writes waited for the lost Redis: {string.Join(", ", slow)}");
            var lossA = await Eventually.HoldsAsync(() => Task.FromResult(a.Output[outputBefore.A..]), o => WarningLines(o) >= 1, "the loss warning on A");
            var lossB = await Eventually.HoldsAsync(() => Task.FromResult(b.Output[outputBefore.B..]), o => WarningLines(o) >= 1, "the loss warning on B");
            Assert.True(WarningLines(lossA) == 1, lossA);
            Assert.True(WarningLines(lossB) == 1, lossB);
            Assert.Contains("Redis unavailable", lossA, StringComparison.Ordinal);

            redis = await RedisServer.StartAsync(port);
            var recovered = await Eventually.HoldsAsync(() => Task.FromResult(a.Output[outputBefore.A..]), o => o.Contains("Redis reachable again", StringComparison.Ordinal), "the recovery line on A");
            await Eventually.HoldsAsync(() => Task.FromResult(b.Output[outputBefore.B..]), o => o.Contains("Redis reachable again", StringComparison.Ordinal), "the recovery line on B");

            // Within 10 s, well inside the 30 s periodic re-read: the change travels over Redis again.
            const string domain = "back.example.org";
            await adminA.ChangeSettingAsync("Jitsi_Domain", domain);
            await Eventually.HoldsAsync(
                async () => (await adminB.GetAsync("settings/Jitsi_Domain")).Json["value"]!.GetValue<string>(),
                value => value == domain,
                "the new Jitsi_Domain on instance B after Redis came back");
            // A JSON log line carries the message twice (rendered and as its template); count the event id instead.
            Assert.True(Regex.Count(a.Output[outputBefore.A..], "\"EventId\":521,") == 1, a.Output[outputBefore.A..]);
            Assert.True(WarningLines(a.Output[outputBefore.A..]) == 1, a.Output[outputBefore.A..]);
            Assert.DoesNotContain("\"LogLevel\":\"Error\"", a.Output + b.Output, StringComparison.Ordinal);
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    /// <summary>A write is allowed a generous second; the old per-request wait for Redis was about three.</summary>
    private static async Task<ApiResponse> TimedAsync(Func<Task<ApiResponse>> send, string what, List<string> slow)
    {
        var watch = Stopwatch.StartNew();
        var response = await send();
        if (watch.Elapsed > TimeSpan.FromSeconds(1))
        {
            slow.Add($"{what} took {watch.Elapsed.TotalSeconds:F2} s");
        }
        return response;
    }

    private static int WarningLines(string output) => WarningLine().Count(output);

    [GeneratedRegex("\"LogLevel\":\"Warning\"")]
    private static partial Regex WarningLine();
}
