using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using VideoConf.Server.Events;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Events;

/// <summary>The event flow a subscriber (the realtime API among them) sees for calls made through the REST API.</summary>
public sealed class EventHubTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    private EventHub Hub => factory.Services.GetRequiredService<EventHub>();

    [Fact]
    public async Task ACallsStartJoinAndCancel_ReachASubscriberInOrderWithTheirRoom()
    {
        var seen = new ConcurrentQueue<(CallChanged Event, EventOrigin Origin)>();
        using var subscription = Hub.Subscribe<CallChanged>("test", (e, origin) =>
        {
            seen.Enqueue((e, origin));
            return Task.CompletedTask;
        });
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var roomId = await alice.CreateDirectAsync(bob);
        var callId = await alice.StartCallAsync(roomId, allowRinging: true);
        (await bob.JoinCallAsync(callId)).AssertOk();
        var second = await alice.StartCallAsync(roomId, allowRinging: true);
        (await bob.CancelCallAsync(second)).AssertOk();

        var events = await Eventually.HoldsAsync(() => Task.FromResult(seen.ToArray()), all => all.Count(e => e.Event.RoomId == roomId) >= 4, "four events of the room");
        var ofRoom = events.Where(e => e.Event.RoomId == roomId).ToList();
        Assert.Equal(
            [(callId, CallChange.Started), (callId, CallChange.Joined), (second, CallChange.Started), (second, CallChange.Ended)],
            ofRoom.Select(e => (e.Event.CallId, e.Event.Change)));
        Assert.All(ofRoom, e => Assert.Equal(EventOrigin.Local, e.Origin));
        Assert.Equal(4, ofRoom[3].Event.Status);
    }

    [Fact]
    public async Task ASubscriberThatThrowsOrBlocks_DelaysNeitherTheRequestNorOtherSubscribers()
    {
        using var blocked = new ManualResetEventSlim();
        using var blocking = Hub.Subscribe<CallChanged>("blocking", (_, _) =>
        {
            blocked.Wait(Eventually.DefaultBound);
            return Task.CompletedTask;
        });
        using var throwing = Hub.Subscribe<CallChanged>("throwing", (_, _) => throw new InvalidOperationException("subscriber fault"));
        var seen = new ConcurrentQueue<(CallChanged Event, EventOrigin Origin)>();
        using var healthy = Hub.Subscribe<CallChanged>("healthy", (e, origin) =>
        {
            seen.Enqueue((e, origin));
            return Task.CompletedTask;
        });
        try
        {
            var alice = await factory.NewUserAsync("carol");
            var roomId = await alice.CreateChannelAsync();
            var first = await alice.StartCallAsync(roomId);
            var second = await alice.StartCallAsync(roomId);

            var events = await Eventually.HoldsAsync(() => Task.FromResult(seen.ToArray()), all => all.Count(e => e.Event.RoomId == roomId) >= 2, "two events of the room");
            Assert.Equal([first, second], events.Where(e => e.Event.RoomId == roomId).Select(e => e.Event.CallId));
        }
        finally
        {
            blocked.Set();
        }
    }

    [Fact]
    public async Task AfterUnsubscribing_NoMoreEventsArrive()
    {
        var count = 0;
        var subscription = Hub.Subscribe<CallChanged>("counted", (_, _) =>
        {
            Interlocked.Increment(ref count);
            return Task.CompletedTask;
        });
        var dave = await factory.NewUserAsync("dave");
        var roomId = await dave.CreateChannelAsync();
        await dave.StartCallAsync(roomId);
        await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref count)), heard => heard > 0, "the subscriber hearing of the call");

        subscription.Dispose();
        var before = Volatile.Read(ref count);
        await dave.StartCallAsync(roomId);
        await dave.StartCallAsync(roomId);
        await Task.Delay(300);
        Assert.Equal(before, Volatile.Read(ref count));
    }
}
