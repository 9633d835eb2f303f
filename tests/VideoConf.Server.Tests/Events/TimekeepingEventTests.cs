using VideoConf.Server.Events;
using VideoConf.Server.Storage;
using VideoConf.Server.Tests.Infrastructure;
using VideoConf.Server.Tests.VideoConferences;
using VideoConf.Server.VideoConferences;

namespace VideoConf.Server.Tests.Events;

/// <summary>
/// What the timekeeper publishes when time runs out, on the fake clock: the decline or expiry of a call, and
/// <see cref="RingingTimedOut"/> once per direct call, whatever its state, across restarts and instances. Each test
/// has its own server and clock; the sweeps are run by the tests (the loop itself is in the last test).
/// </summary>
public sealed class TimekeepingEventTests
{
    private static readonly TimeSpan PastTheRingingTimeout = TimeSpan.FromSeconds(41);

    [Fact]
    public async Task UnansweredDirectCall_AtItsTimeout_PublishesTheDeclineThenRingingTimedOut_Once()
    {
        using var server = new ManualTimekeepingFactory();
        var (alice, _, roomId, callId) = await RingingDirectCallAsync(server);
        using var events = EventRecorder.On(server);

        server.Time.Advance(TimeSpan.FromSeconds(39));
        var early = await SweepAndTakeAsync(server, events);
        server.Time.Advance(TimeSpan.FromSeconds(2));
        var due = await SweepAndTakeAsync(server, events);
        var again = await SweepAndTakeAsync(server, events);

        Assert.Empty(early);
        Assert.Equal(2, due.Count);
        var declined = Assert.IsType<CallChanged>(due[0]);
        Assert.Equal((callId, CallChange.Ended, CallStatus.Declined), (declined.CallId, declined.Change, declined.Status));
        Assert.Equal(new RingingTimedOut(callId, roomId), due[1]);
        Assert.Empty(again);
        Assert.Equal(CallStatus.Declined, (await alice.CallInfoAsync(callId)).Status());
    }

    [Fact]
    public async Task AnsweredDirectCall_AtItsTimeout_PublishesRingingTimedOutAlone_AndKeepsGoing()
    {
        using var server = new ManualTimekeepingFactory();
        var (alice, bob, roomId, callId) = await RingingDirectCallAsync(server);
        server.Time.Advance(TimeSpan.FromSeconds(20));
        (await bob.JoinCallAsync(callId)).AssertOk();
        using var events = EventRecorder.On(server);

        server.Time.Advance(TimeSpan.FromSeconds(21));
        var due = await SweepAndTakeAsync(server, events);

        Assert.Equal([new RingingTimedOut(callId, roomId)], due);
        Assert.Equal(CallStatus.Started, (await alice.CallInfoAsync(callId)).Status());
    }

    [Fact]
    public async Task CancelledDirectCall_AtItsTimeout_StillPublishesRingingTimedOut()
    {
        using var server = new ManualTimekeepingFactory();
        var (_, bob, roomId, callId) = await RingingDirectCallAsync(server);
        (await bob.CancelCallAsync(callId)).AssertOk();
        using var events = EventRecorder.On(server);

        server.Time.Advance(PastTheRingingTimeout);

        Assert.Equal([new RingingTimedOut(callId, roomId)], await SweepAndTakeAsync(server, events));
    }

    [Fact]
    public async Task RingingGroupCall_AtItsTimeout_PublishesItsUpdateAndNoRingingTimedOut()
    {
        using var server = new ManualTimekeepingFactory();
        var alice = await server.NewUserAsync("alice");
        var bob = await server.NewUserAsync("bob");
        var roomId = await alice.CreateChannelAsync(bob);
        var callId = await alice.StartCallAsync(roomId, allowRinging: true);
        using var events = EventRecorder.On(server);

        server.Time.Advance(PastTheRingingTimeout);
        var due = await SweepAndTakeAsync(server, events);

        var updated = Assert.IsType<CallChanged>(Assert.Single(due));
        Assert.Equal((callId, roomId, CallChange.Updated, CallStatus.Started), (updated.CallId, updated.RoomId, updated.Change, updated.Status));
    }

    [Fact]
    public async Task OpenCall_AfterItsLifetime_PublishesItsExpiry_Once()
    {
        using var server = new ManualTimekeepingFactory();
        var alice = await server.NewUserAsync("alice");
        var roomId = await alice.CreateChannelAsync();
        var callId = await alice.StartCallAsync(roomId);
        using var events = EventRecorder.On(server);
        var timekeeper = server.GetService<CallTimekeeper>();

        server.Time.Advance(TimeSpan.FromHours(25));
        await timekeeper.ExpireAsync(CancellationToken.None);
        var expired = await events.TakeAsync();
        await timekeeper.ExpireAsync(CancellationToken.None);

        Assert.Equal(new CallChanged(callId, roomId, CallChange.Ended, CallType.Conference, CallStatus.Expired, server.Time.GetUtcNow().UtcDateTime),
            Assert.Single(expired));
        Assert.Empty(await events.TakeAsync());
    }

    [Fact]
    public async Task DirectCall_WhoseTimeoutPassedWhileNoServerRan_IsAnnouncedOnceByTheRestartedServer()
    {
        var first = new ManualTimekeepingFactory();
        var (_, _, roomId, callId) = await RingingDirectCallAsync(first);
        first.Dispose();

        using var second = new ManualTimekeepingFactory(first);
        using var events = EventRecorder.On(second);
        second.Time.Advance(PastTheRingingTimeout);
        var due = await SweepAndTakeAsync(second, events);
        var again = await SweepAndTakeAsync(second, events);

        Assert.Equal(2, due.Count);
        Assert.Equal((callId, CallChange.Ended), (((CallChanged)due[0]).CallId, ((CallChanged)due[0]).Change));
        Assert.Equal(new RingingTimedOut(callId, roomId), due[1]);
        Assert.Empty(again);
    }

    [Fact]
    public async Task DirectCall_AnnouncedBeforeARestart_IsNotAnnouncedAgainAfterIt()
    {
        var first = new ManualTimekeepingFactory();
        var (_, _, roomId, callId) = await RingingDirectCallAsync(first);
        using (var events = EventRecorder.On(first))
        {
            first.Time.Advance(PastTheRingingTimeout);
            Assert.Contains(new RingingTimedOut(callId, roomId), await SweepAndTakeAsync(first, events));
        }
        first.Dispose();

        using var second = new ManualTimekeepingFactory(first);
        using var afterRestart = EventRecorder.On(second);
        second.Time.Advance(PastTheRingingTimeout);

        Assert.Equal(0, await second.GetService<CallTimekeeper>().AnnounceRingingTimeoutsAsync(CancellationToken.None));
        Assert.Empty(await afterRestart.TakeAsync());
    }

    [Fact]
    public async Task DirectCalls_AnnouncedByTwoInstancesAtOnce_AreEachAnnouncedOnce()
    {
        using var first = new ManualTimekeepingFactory();
        var alice = await first.NewUserAsync("alice");
        var bob = await first.NewUserAsync("bob");
        var roomId = await alice.CreateDirectAsync(bob);
        using var second = new ManualTimekeepingFactory(first);
        using var onFirst = EventRecorder.On(first);
        using var onSecond = EventRecorder.On(second);

        // Bounded repetition: each round both instances find the same due calls and race to claim them.
        for (var round = 0; round < 5; round++)
        {
            var callIds = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                callIds.Add(await alice.StartCallAsync(roomId, allowRinging: true));
            }
            first.Time.Advance(PastTheRingingTimeout);
            second.Time.Advance(PastTheRingingTimeout);
            await first.GetService<CallTimekeeper>().TimeOutRingingAsync(CancellationToken.None);

            var announced = await Task.WhenAll(
                first.GetService<CallTimekeeper>().AnnounceRingingTimeoutsAsync(CancellationToken.None),
                second.GetService<CallTimekeeper>().AnnounceRingingTimeoutsAsync(CancellationToken.None));

            var published = (await onFirst.TakeAsync()).Concat(await onSecond.TakeAsync()).OfType<RingingTimedOut>().ToList();
            Assert.Equal(callIds.Count, announced.Sum());
            Assert.Equal(callIds.Order(), published.Select(e => e.CallId).Order());
            Assert.All(published, e => Assert.Equal(roomId, e.RoomId));
        }
    }

    [Fact]
    public async Task TheTimekeepersLoop_PublishesTheDeclineThenRingingTimedOut()
    {
        using var server = new VideoConfFactory();
        var (_, _, roomId, callId) = await RingingDirectCallAsync(server);
        using var events = EventRecorder.On(server);

        server.Time.Advance(PastTheRingingTimeout);

        var received = await events.WaitForAsync(all => all.OfType<RingingTimedOut>().Any(), "the ringing timeout of the loop");
        Assert.Equal(2, received.Count);
        var declined = Assert.IsType<CallChanged>(received[0].Event);
        Assert.Equal((callId, CallChange.Ended, CallStatus.Declined), (declined.CallId, declined.Change, declined.Status));
        Assert.Equal(new RingingTimedOut(callId, roomId), received[1].Event);
        Assert.All(received, e => Assert.Equal(EventOrigin.Local, e.Origin));
    }

    private static async Task<(ApiClient Caller, ApiClient Callee, string RoomId, string CallId)> RingingDirectCallAsync(VideoConfFactory server)
    {
        var alice = await server.NewUserAsync("alice");
        var bob = await server.NewUserAsync("bob");
        var roomId = await alice.CreateDirectAsync(bob);
        var callId = await alice.StartCallAsync(roomId, allowRinging: true);
        return (alice, bob, roomId, callId);
    }

    /// <summary>What the ringing loop does on each tick: time out the ringing, then announce the direct calls due.</summary>
    private static async Task SweepAsync(VideoConfFactory server)
    {
        var timekeeper = server.GetService<CallTimekeeper>();
        await timekeeper.TimeOutRingingAsync(CancellationToken.None);
        await timekeeper.AnnounceRingingTimeoutsAsync(CancellationToken.None);
    }

    private static async Task<IReadOnlyList<ServerEvent>> SweepAndTakeAsync(VideoConfFactory server, EventRecorder events)
    {
        await SweepAsync(server);
        return await events.TakeAsync();
    }
}
