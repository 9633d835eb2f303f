using VideoConf.Server.Tests.Infrastructure;
using VideoConf.Server.VideoConferences;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary>
/// Unanswered direct calls are declined on the caller's behalf after <c>VideoConf_Ringing_Timeout</c>, by the
/// background timekeeper on the fake clock, also after a restart. Each test has its own server and clock.
/// </summary>
public sealed class RingingTimeoutTests
{
    [Fact]
    public async Task RingingDirectCall_After41Seconds_IsDeclinedByTheCaller()
    {
        using var factory = new VideoConfFactory();
        var (alice, bob, callId) = await RingingDirectCallAsync(factory);
        var startedAt = factory.Time.GetUtcNow();

        factory.Time.Advance(TimeSpan.FromSeconds(41));

        var call = await alice.WaitForCallAsync(callId, c => c.Status() != 0);
        Assert.Equal(4, call.Status());
        Assert.False(call["ringing"]!.GetValue<bool>());
        Assert.Equal(alice.UserId, call["endedBy"]!["_id"]!.GetValue<string>());
        Assert.Equal(alice.Username, call["endedBy"]!["username"]!.GetValue<string>());
        AssertWithinOneSecondOfDue(call["endedAt"]!.GetValue<string>(), startedAt.AddSeconds(40));
        (await bob.JoinCallAsync(callId)).AssertPlainFailure("invalid-call");
    }

    [Fact]
    public async Task RingingDirectCall_After39Seconds_IsStillRinging()
    {
        using var factory = new VideoConfFactory();
        var (alice, _, callId) = await RingingDirectCallAsync(factory);

        factory.Time.Advance(TimeSpan.FromSeconds(39));
        var moved = await factory.GetService<CallTimekeeper>().TimeOutRingingAsync(CancellationToken.None);

        Assert.Equal(0, moved);
        var call = await alice.CallInfoAsync(callId);
        Assert.Equal(0, call.Status());
        Assert.True(call["ringing"]!.GetValue<bool>());
        Assert.False(call.ContainsKey("endedAt"));
    }

    [Fact]
    public async Task RingingDirectCall_AnsweredBeforeTheTimeout_IsNotDeclinedLater()
    {
        using var factory = new VideoConfFactory();
        var (alice, bob, callId) = await RingingDirectCallAsync(factory);
        factory.Time.Advance(TimeSpan.FromSeconds(20));
        (await bob.JoinCallAsync(callId)).AssertOk();

        factory.Time.Advance(TimeSpan.FromSeconds(30));
        var moved = await factory.GetService<CallTimekeeper>().TimeOutRingingAsync(CancellationToken.None);

        Assert.Equal(0, moved);
        var call = await alice.CallInfoAsync(callId);
        Assert.Equal(1, call.Status());
        Assert.False(call.ContainsKey("endedAt"));
    }

    [Fact]
    public async Task RingingDirectCall_WithAShorterConfiguredTimeout_IsDeclinedSooner()
    {
        using var factory = new VideoConfFactory().WithSetting("Settings:VideoConf_Ringing_Timeout", "10");
        var (alice, _, callId) = await RingingDirectCallAsync(factory);

        factory.Time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await factory.GetService<CallTimekeeper>().TimeOutRingingAsync(CancellationToken.None));
        factory.Time.Advance(TimeSpan.FromSeconds(2));

        var call = await alice.WaitForCallAsync(callId, c => c.Status() != 0);
        Assert.Equal(4, call.Status());
    }

    [Fact]
    public async Task RingingGroupCall_AfterTheTimeout_StopsRingingButKeepsGoing()
    {
        using var factory = new VideoConfFactory();
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync(bob), allowRinging: true);

        factory.Time.Advance(TimeSpan.FromSeconds(41));

        var call = await alice.WaitForCallAsync(callId, c => !c["ringing"]!.GetValue<bool>());
        Assert.Equal(1, call.Status());
        Assert.False(call.ContainsKey("endedAt"));
        Assert.False(call.ContainsKey("endedBy"));
    }

    [Fact]
    public async Task RingingDirectCall_WhenTheServerRestartsAfterItsDeadline_IsStillDeclined()
    {
        var first = new VideoConfFactory();
        var (alice, _, callId) = await RingingDirectCallAsync(first);
        var startedAt = first.Time.GetUtcNow();
        first.Dispose();

        using var second = VideoConfFactory.OnSameStoreAs(first);
        // Both clocks start at the same instant; advancing the new one before its first request is the time that
        // passed while no server was running.
        Assert.Equal(startedAt, second.Time.GetUtcNow());
        second.Time.Advance(TimeSpan.FromSeconds(41));
        var aliceAgain = await second.LoginAsync(alice.Username!);

        var call = await aliceAgain.WaitForCallAsync(callId, c => c.Status() != 0);

        Assert.Equal(4, call.Status());
        Assert.False(call["ringing"]!.GetValue<bool>());
        Assert.Equal(alice.UserId, call["endedBy"]!["_id"]!.GetValue<string>());
        AssertWithinOneSecondOfDue(call["endedAt"]!.GetValue<string>(), startedAt.AddSeconds(40));
    }

    [Fact]
    public async Task RingingDirectCall_WhenTheServerRestartsBeforeItsDeadline_RingsOnThenTimesOut()
    {
        var first = new VideoConfFactory();
        var (alice, _, callId) = await RingingDirectCallAsync(first);
        first.Dispose();

        using var second = VideoConfFactory.OnSameStoreAs(first);
        second.Time.Advance(TimeSpan.FromSeconds(30));
        var aliceAgain = await second.LoginAsync(alice.Username!);
        Assert.Equal(0, await second.GetService<CallTimekeeper>().TimeOutRingingAsync(CancellationToken.None));
        Assert.Equal(0, (await aliceAgain.CallInfoAsync(callId)).Status());

        second.Time.Advance(TimeSpan.FromSeconds(11));

        var call = await aliceAgain.WaitForCallAsync(callId, c => c.Status() != 0);
        Assert.Equal(4, call.Status());
    }

    private static async Task<(ApiClient Caller, ApiClient Callee, string CallId)> RingingDirectCallAsync(VideoConfFactory factory)
    {
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var callId = await alice.StartCallAsync(await alice.CreateDirectAsync(bob), allowRinging: true);
        var call = await alice.CallInfoAsync(callId);
        Assert.Equal(0, call.Status());
        Assert.True(call["ringing"]!.GetValue<bool>());
        return (alice, bob, callId);
    }

    private static void AssertWithinOneSecondOfDue(string endedAt, DateTimeOffset due)
    {
        var ended = DateTimeOffset.Parse(endedAt, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(ended, due, due.AddSeconds(1));
    }
}
