using System.Diagnostics;
using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Security;

/// <summary>
/// S5 (docs/contract.md): bcrypt runs off the request threads, so a flood of failed logins at Rocket.Chat's real work
/// factor cannot stall other routes.
/// </summary>
public sealed class LoginFloodTests : IDisposable
{
    /// <summary>
    /// Generous for a shared two-core machine (one run under full-suite load took just over 1 s); the old code stalled
    /// for about 12 s, so the bound still separates a starved pool from a busy one.
    /// </summary>
    private static readonly TimeSpan HealthBound = TimeSpan.FromSeconds(2.5);

    private readonly VideoConfFactory _factory = new VideoConfFactory().WithSetting("Accounts:PasswordWorkFactor", "10");

    public void Dispose() => _factory.Dispose();

    /// <summary>The status of <c>/health/live</c>, or null when it did not answer within the client's 10 s.</summary>
    private static async Task<HttpStatusCode?> LiveStatusAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("/health/live");
            return response.StatusCode;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    [Fact]
    public async Task HealthLive_DuringOneHundredConcurrentFailedLogins_AnswersWithinOneSecondEachTime()
    {
        var health = _factory.CreateClient();
        health.Timeout = TimeSpan.FromSeconds(10);
        Assert.Equal(HttpStatusCode.OK, (await health.GetAsync("/health/live")).StatusCode);
        var logins = _factory.CreateApiClient();

        var flood = Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Task.Run(() => logins.PostAsync("login", new { user = $"nobody-{i}", password = "guess-Pa55" }))));
        var slowest = TimeSpan.Zero;
        var slowestPoll = 0;
        var polls = 0;
        while (!flood.IsCompleted || polls == 0)
        {
            var watch = Stopwatch.StartNew();
            var status = await LiveStatusAsync(health);
            if (watch.Elapsed > slowest)
            {
                (slowest, slowestPoll) = (watch.Elapsed, polls);
            }
            polls++;
            Assert.True(status == HttpStatusCode.OK, $"/health/live answered {status} after {watch.ElapsedMilliseconds} ms (poll {polls}).");
            await Task.Delay(50);
        }
        var answers = await flood.WaitAsync(TimeSpan.FromSeconds(60));

        // A login either had its password checked or was told at once that the server is busy; nothing else.
        Assert.All(answers, a => Assert.True(
            a.Status is HttpStatusCode.Unauthorized or HttpStatusCode.ServiceUnavailable, $"{(int)a.Status}: {a.Text}"));
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable), a =>
        {
            a.AssertBody(HttpStatusCode.ServiceUnavailable, ApiBodies.ServiceUnavailable);
            Assert.Equal("1", a.Header("Retry-After"));
        });
        Assert.True(slowest < HealthBound, $"/health/live took {slowest.TotalMilliseconds:F0} ms at worst (poll {slowestPoll + 1} of {polls}) during the flood.");
    }
}
