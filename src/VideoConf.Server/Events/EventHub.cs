using System.Collections.Immutable;

namespace VideoConf.Server.Events;

/// <summary>
/// The one way changes are announced. A change is published once, after it is stored; every subscriber on this
/// instance receives it, marked <see cref="EventOrigin.Local"/>, and the relay takes it to the other instances,
/// whose subscribers receive it marked <see cref="EventOrigin.Remote"/>. Each subscriber has its own queue and
/// reader (<see cref="EventSubscription"/>), so publishing never waits for a subscriber, a slow or failing
/// subscriber delays nobody else, and each one sees events in the order they were published here (and, for remote
/// ones, in the order they arrived).
/// </summary>
internal sealed partial class EventHub : IDisposable
{
    private readonly IEventRelay? _relay;
    private readonly ILogger<EventHub> _logger;
    private ImmutableArray<EventSubscription> _subscriptions = [];

    public EventHub(ILogger<EventHub> logger, IEventRelay? relay = null)
    {
        _logger = logger;
        _relay = relay;
        _relay?.Listen(e => Deliver(e, EventOrigin.Remote));
    }

    /// <summary>Announces a stored change here and to the other instances; returns at once.</summary>
    public void Publish(ServerEvent serverEvent)
    {
        Deliver(serverEvent, EventOrigin.Local);
        _relay?.Send(serverEvent);
    }

    /// <summary>
    /// Calls <paramref name="handler"/> for every event of type <typeparamref name="T"/> from now on, one at a time,
    /// until the returned subscription is disposed. <paramref name="name"/> names the subscriber in logs.
    /// </summary>
    public IDisposable Subscribe<T>(string name, Func<T, EventOrigin, Task> handler)
        where T : ServerEvent
    {
        var subscription = new EventSubscription(
            name,
            e => e is T,
            (e, origin) => handler((T)e, origin),
            Unsubscribe,
            _logger);
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Add(subscription));
        return subscription;
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private void Deliver(ServerEvent serverEvent, EventOrigin origin)
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Offer(serverEvent, origin);
        }
    }

    private void Unsubscribe(EventSubscription subscription) =>
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Remove(subscription));
}
