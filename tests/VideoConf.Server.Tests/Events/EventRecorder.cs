using System.Collections.Concurrent;
using VideoConf.Server.Events;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Events;

/// <summary>
/// A subscriber of a server's real <see cref="EventHub"/> that keeps every event it is handed, in order, from the
/// moment it is made until it is disposed.
/// </summary>
internal sealed class EventRecorder : IDisposable
{
    private readonly ConcurrentQueue<(ServerEvent Event, EventOrigin Origin)> _received = new();
    private readonly EventHub _hub;
    private readonly IDisposable _subscription;

    private EventRecorder(EventHub hub)
    {
        _hub = hub;
        _subscription = hub.Subscribe<ServerEvent>(nameof(EventRecorder), (serverEvent, origin) =>
        {
            _received.Enqueue((serverEvent, origin));
            return Task.CompletedTask;
        });
    }

    public static EventRecorder On(VideoConfFactory server) => new(server.GetService<EventHub>());

    /// <summary>
    /// Takes every event received since the last take. A marker is published on this server's hub first and awaited:
    /// a subscriber sees events in publishing order, so everything this server published before the call is in the
    /// answer, and nothing needs a pause. Only for a server without Redis (the marker has no name to travel under).
    /// </summary>
    public async Task<IReadOnlyList<ServerEvent>> TakeAsync()
    {
        var marker = new Marker(Guid.NewGuid());
        _hub.Publish(marker);
        var taken = new List<ServerEvent>();
        var delivered = false;
        await Eventually.HoldsAsync(() =>
        {
            while (!delivered && _received.TryDequeue(out var next))
            {
                if (next.Event == marker)
                {
                    delivered = true;
                }
                else if (next.Event is not Marker)
                {
                    taken.Add(next.Event);
                }
            }
            return Task.FromResult(taken.ToArray());
        }, _ => delivered, "the hub delivering its own marker");
        return taken;
    }

    /// <summary>Waits (see <see cref="Eventually"/>) until the events received so far satisfy <paramref name="done"/>; returns them with their origin.</summary>
    public async Task<IReadOnlyList<(ServerEvent Event, EventOrigin Origin)>> WaitForAsync(
        Func<IReadOnlyList<ServerEvent>, bool> done, string what) =>
        await Eventually.HoldsAsync(() => Task.FromResult(_received.ToArray()), snapshot => done(snapshot.Select(e => e.Event).ToList()), what);

    /// <summary>Everything received so far, with its origin, without taking it.</summary>
    public IReadOnlyList<(ServerEvent Event, EventOrigin Origin)> Received => _received.ToArray();

    public void Dispose() => _subscription.Dispose();

    /// <summary>A test's own event, never published by the server.</summary>
    private sealed record Marker(Guid Id) : ServerEvent;
}
