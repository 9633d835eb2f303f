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
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

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
        var deadline = DateTime.UtcNow + MaxWait;
        while (true)
        {
            while (_received.TryDequeue(out var next))
            {
                if (next.Event == marker)
                {
                    return taken;
                }
                if (next.Event is not Marker)
                {
                    taken.Add(next.Event);
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"The hub did not deliver its own marker within {MaxWait.TotalSeconds} s; received: {string.Join(", ", taken)}");
            }
            await Task.Delay(10);
        }
    }

    /// <summary>Waits (at most 10 s) until the events received so far satisfy <paramref name="done"/>; returns them with their origin.</summary>
    public async Task<IReadOnlyList<(ServerEvent Event, EventOrigin Origin)>> WaitForAsync(
        Func<IReadOnlyList<ServerEvent>, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + MaxWait;
        while (true)
        {
            var snapshot = _received.ToArray();
            if (done(snapshot.Select(e => e.Event).ToList()))
            {
                return snapshot;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"{what} did not happen within {MaxWait.TotalSeconds} s; received: {string.Join(", ", snapshot.Select(e => e.Event))}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Everything received so far, with its origin, without taking it.</summary>
    public IReadOnlyList<(ServerEvent Event, EventOrigin Origin)> Received => _received.ToArray();

    public void Dispose() => _subscription.Dispose();

    /// <summary>A test's own event, never published by the server.</summary>
    private sealed record Marker(Guid Id) : ServerEvent;
}
