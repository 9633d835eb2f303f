using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Distributed;

[Trait("Category", "Distributed")]
public sealed partial class TwoInstanceTests(TwoInstances cluster) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task CallStartedOnOneInstance_IsListedAndJoinableOnTheOther()
    {
        var onA = await cluster.A.NewUserAsync("lister");
        var onB = cluster.B.CreateApiClient().As(onA.UserId!, onA.AuthToken!);
        var roomId = await onA.CreateChannelAsync();

        var callId = await onA.StartCallAsync(roomId);

        var list = await onB.GetAsync($"video-conference.list?roomId={roomId}");
        list.AssertOk();
        Assert.Equal(callId, list.Json["data"]![0]!["_id"]!.GetValue<string>());
        Assert.Equal(1, list.Json["total"]!.GetValue<int>());
        (await onB.PostAsync("video-conference.join", new { callId })).AssertOk();
        var info = await onA.GetAsync($"video-conference.info?callId={callId}");
        Assert.Equal(onA.UserId, info.Json["users"]![0]!["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task CallChangedOnOneInstance_IsInTheOthersNextListPage()
    {
        var onA = await cluster.A.NewUserAsync("pager");
        var onB = cluster.B.CreateApiClient().As(onA.UserId!, onA.AuthToken!);
        var roomId = await onA.CreateChannelAsync();
        var callId = await onA.StartCallAsync(roomId);
        var listPath = $"video-conference.list?roomId={roomId}&count=10";
        Assert.Empty((await onB.GetAsync(listPath)).Json["data"]![0]!["users"]!.AsArray());

        (await onA.PostAsync("video-conference.join", new { callId })).AssertOk();

        // No waiting: B's page was kept in its memory, and the join on A must be in B's very next answer.
        var users = (await onB.GetAsync(listPath)).Json["data"]![0]!["users"]!.AsArray();
        Assert.Equal([onA.UserId], users.Select(u => u!["_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SettingChangedOnOneInstance_IsInForceOnTheOther()
    {
        var adminA = await cluster.A.LoginAdminAsync();
        var adminB = await cluster.B.LoginAdminAsync();
        var domain = $"{UniqueName.For("meet")}.example.org";

        await adminA.ChangeSettingAsync("Jitsi_Domain", domain);

        await Eventually.HoldsAsync(
            async () => (await adminB.GetAsync("settings/Jitsi_Domain")).Json["value"]!.GetValue<string>(),
            value => value == domain,
            "the new Jitsi_Domain on instance B");
    }

    [Fact]
    public async Task RateLimitAllowance_IsSharedByBothInstances()
    {
        var user = await cluster.A.NewUserAsync("crowd");
        var onB = cluster.B.CreateApiClient().As(user.UserId!, user.AuthToken!);
        var adminA = await cluster.A.LoginAdminAsync();
        var probe = await cluster.B.NewUserAsync("probe");
        await adminA.ChangeSettingAsync("API_Enable_Rate_Limiter", true);
        try
        {
            // Instance B learns of the switch through Redis; a separate user watches for it.
            await Eventually.HoldsAsync(
                async () => (await probe.GetAsync("users.info?username=admin")).Header("X-RateLimit-Limit"),
                limit => limit is not null,
                "rate limiting switched on at instance B");

            var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => (i % 2 == 0 ? user : onB).GetAsync("me")));

            Assert.Equal(TwoInstances.DefaultCalls, responses.Count(r => r.Status == HttpStatusCode.OK));
            Assert.Equal(50 - TwoInstances.DefaultCalls, responses.Count(r => r.Status == HttpStatusCode.TooManyRequests));
        }
        finally
        {
            await adminA.ChangeSettingAsync("API_Enable_Rate_Limiter", false);
        }
    }

    [Fact]
    public async Task RingingTimeout_WithBothInstancesSweeping_DeclinesTheCallOnce()
    {
        var adminA = await cluster.A.LoginAdminAsync();
        await adminA.ChangeSettingAsync("VideoConf_Ringing_Timeout", 1);
        try
        {
            var caller = await cluster.A.NewUserAsync("caller");
            var callee = await cluster.B.NewUserAsync("callee");
            var roomId = await caller.CreateDirectAsync(callee);
            var endedBefore = await EndedCallsAsync();
            await Eventually.HoldsAsync(
                async () => (await callee.GetAsync("settings.public?_id=VideoConf_Ringing_Timeout")).Json["settings"]![0]!["value"]!.GetValue<int>(),
                value => value == 1,
                "the short ringing timeout on instance B");

            var started = await caller.PostAsync("video-conference.start", new { roomId, allowRinging = true });
            started.AssertOk();
            Assert.Equal("direct", started.Json["data"]!["type"]!.GetValue<string>());
            var callId = started.Json["data"]!["callId"]!.GetValue<string>();

            var declined = await Eventually.HoldsAsync(
                async () => (await callee.GetAsync($"video-conference.info?callId={callId}")).Json,
                call => call["status"]!.GetValue<int>() == 4,
                "the ringing timeout");
            Assert.Equal(caller.UserId, declined["endedBy"]!["_id"]!.GetValue<string>());

            // Give a second sweep on either instance every chance to run, then count the ends both recorded.
            await Task.Delay(1500);
            Assert.Equal(endedBefore + 1, await EndedCallsAsync());
        }
        finally
        {
            await adminA.ChangeSettingAsync("VideoConf_Ringing_Timeout", 40);
        }
    }

    [Fact]
    public async Task PostgresStopped_RequestsAnswer503AndTheServiceRecoversWhenItIsBack()
    {
        var user = await cluster.A.NewUserAsync("outage");
        (await user.GetAsync("me")).AssertOk();

        await cluster.Postgres.StopClusterAsync();
        try
        {
            var during = await user.GetAsync("me");
            during.AssertBody(HttpStatusCode.ServiceUnavailable, ApiBodies.ServiceUnavailable);
            using var http = cluster.A.CreateHttpClient();
            using var ready = await http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("""{"status":"Unhealthy"}""", await ready.Content.ReadAsStringAsync());
        }
        finally
        {
            await cluster.Postgres.StartClusterAsync();
        }

        await Eventually.HoldsAsync(async () => (await user.GetAsync("me")).Status, s => s == HttpStatusCode.OK, "recovery on instance A");
        await Eventually.HoldsAsync(
            async () => (await cluster.B.CreateApiClient().As(user.UserId!, user.AuthToken!).GetAsync("me")).Status,
            s => s == HttpStatusCode.OK,
            "recovery on instance B");
    }

    /// <summary>Calls that ended, as counted by both instances' metrics together.</summary>
    private async Task<double> EndedCallsAsync()
    {
        double total = 0;
        foreach (var server in new[] { cluster.A, cluster.B })
        {
            using var http = server.CreateHttpClient();
            var text = await http.GetStringAsync("/metrics");
            total += EndedLine().Matches(text).Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        }
        return total;
    }

    [GeneratedRegex(@"^videoconf_calls_ended(?:\{[^}]*\})? ([0-9.eE+-]+)$", RegexOptions.Multiline)]
    private static partial Regex EndedLine();
}
