using System.Diagnostics;
using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Distributed;

/// <summary>
/// A PostgreSQL that hangs rather than going away (SIGSTOP): connections are accepted by the kernel, but neither the
/// start-up nor any command is answered, and in-flight commands hang. Every request must still answer 503 within
/// <c>Storage:CommandTimeoutSeconds</c> + 0.5 s (the bar; the bound checked here is wider, see <see cref="Bound"/>).
/// </summary>
[Trait("Category", "Distributed")]
public sealed class FrozenPostgresTests
{
    private const int CommandTimeoutSeconds = 2;

    /// <summary>
    /// The bar is the timeout + 0.5 s; a test on a shared machine allows a generous margin over it (a busy CI run has
    /// delayed single answers to about 3.9 s) while staying well under what an unbounded call takes (6–7 s).
    /// </summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(CommandTimeoutSeconds + 2.5);

    [Fact]
    public async Task PostgresFrozen_EveryRequestAnswers503WithinTheCommandTimeout_AndTheServiceRecoversWhenItThaws()
    {
        var postgres = await PostgresServer.StartAsync();
        await using var _ = postgres;
        var redis = await RedisServer.StartAsync();
        await using var __ = redis;
        var environment = await ServerEnvironment.OnPostgresAsync(postgres);
        environment["Storage__CommandTimeoutSeconds"] = CommandTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["ConnectionStrings__Redis"] = redis.ConnectionString;
        await using var server = await ServerProcess.StartAsync(environment);
        var admin = await server.LoginAdminAsync();
        var roomId = await admin.CreateChannelAsync();
        var anonymous = server.CreateApiClient();
        using var health = server.CreateHttpClient();
        // Warm the pool, so the freeze catches idle pooled connections as well as new ones.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => admin.GetAsync($"video-conference.list?roomId={roomId}")));

        var answers = new List<Answer>();
        await postgres.FreezeAsync();
        try
        {
            for (var round = 0; round < 3; round++)
            {
                answers.Add(await TimeAsync("list", () => admin.GetAsync($"video-conference.list?roomId={roomId}")));
                answers.Add(await TimeAsync("start", () => admin.PostAsync("video-conference.start", new { roomId })));
                answers.Add(await TimeAsync("login", () => anonymous.PostAsync("login", new { user = "nobody", password = "pw" })));
                answers.Add(await TimeReadyAsync(health));
            }
            // More requests at once than the pool has connections: the wait for a connection is bounded too.
            answers.AddRange(await Task.WhenAll(Enumerable.Range(0, 30).Select(i => i % 2 == 0
                ? TimeAsync("parallel list", () => admin.GetAsync($"video-conference.list?roomId={roomId}"))
                : TimeAsync("parallel start", () => admin.PostAsync("video-conference.start", new { roomId })))));
        }
        finally
        {
            await postgres.ThawAsync();
        }

        var late = answers.Where(a => a.Elapsed > Bound).ToList();
        Assert.True(late.Count == 0, $"{late.Count} of {answers.Count} answers took longer than {Bound.TotalSeconds} s:\n{string.Join("\n", late)}\nall:\n{string.Join("\n", answers)}");
        Assert.All(answers.Where(a => a.What != "/health/ready"), a => Assert.Equal((HttpStatusCode.ServiceUnavailable, ApiBodies.ServiceUnavailable), (a.Status, a.Body)));
        Assert.All(answers.Where(a => a.What == "/health/ready"), a => Assert.Equal((HttpStatusCode.ServiceUnavailable, """{"status":"Unhealthy"}"""), (a.Status, a.Body)));

        await Eventually.HoldsAsync(
            async () => (await admin.GetAsync($"video-conference.list?roomId={roomId}")).Status,
            status => status == HttpStatusCode.OK,
            "list answering again");
        (await admin.PostAsync("video-conference.start", new { roomId })).AssertOk();
        (await anonymous.PostAsync("login", new { user = TestAccounts.AdminUsername, password = TestAccounts.AdminPassword })).AssertOk();
        using var ready = await health.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    /// <summary>One request made while PostgreSQL was frozen: how long it took and what it answered.</summary>
    private sealed record Answer(string What, TimeSpan Elapsed, HttpStatusCode Status, string Body)
    {
        public override string ToString() => $"{What}: {(int)Status} after {Elapsed.TotalSeconds:F2} s {Body}";
    }

    private static async Task<Answer> TimeAsync(string what, Func<Task<ApiResponse>> send)
    {
        var watch = Stopwatch.StartNew();
        var response = await send();
        return new Answer(what, watch.Elapsed, response.Status, response.Text);
    }

    private static async Task<Answer> TimeReadyAsync(HttpClient health)
    {
        var watch = Stopwatch.StartNew();
        using var ready = await health.GetAsync("/health/ready");
        var body = await ready.Content.ReadAsStringAsync();
        return new Answer("/health/ready", watch.Elapsed, ready.StatusCode, body);
    }
}
