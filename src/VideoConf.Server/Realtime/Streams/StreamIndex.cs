using System.Collections.Concurrent;
using System.Collections.Immutable;
using VideoConf.Server.Realtime.Sessions;

namespace VideoConf.Server.Realtime.Streams;

/// <summary>A session listening to one (stream, event name), with the subscription that granted it.</summary>
internal readonly record struct StreamListener(DdpSession Session, StreamSubscription Subscription);

/// <summary>
/// Who listens to what: (stream, event name) → the sessions subscribed to it on this instance. The fan-out reads
/// one entry per event without locking; subscribing and unsubscribing, far rarer, replace the entry under a lock.
/// </summary>
internal sealed class StreamIndex
{
    private readonly ConcurrentDictionary<(string Stream, string EventName), ImmutableArray<StreamListener>> _listeners = new();
    private readonly ConcurrentDictionary<string, int> _perStream = new(StringComparer.Ordinal);
    private readonly Lock _writeGate = new();

    public ImmutableArray<StreamListener> Listeners(string stream, string eventName) =>
        _listeners.TryGetValue((stream, eventName), out var listeners) ? listeners : [];

    public void Add(DdpSession session, StreamSubscription subscription)
    {
        lock (_writeGate)
        {
            var key = (subscription.Stream, subscription.EventName);
            var current = _listeners.TryGetValue(key, out var existing) ? existing : [];
            _listeners[key] = current.Add(new StreamListener(session, subscription));
            _perStream.AddOrUpdate(subscription.Stream, 1, (_, count) => count + 1);
        }
    }

    public void Remove(DdpSession session, StreamSubscription subscription)
    {
        lock (_writeGate)
        {
            var key = (subscription.Stream, subscription.EventName);
            if (!_listeners.TryGetValue(key, out var current))
            {
                return;
            }
            var remaining = current.Remove(new StreamListener(session, subscription));
            if (remaining.Length == current.Length)
            {
                return;
            }
            _perStream.AddOrUpdate(subscription.Stream, 0, (_, count) => count - 1);
            if (remaining.IsEmpty)
            {
                _listeners.TryRemove(key, out _);
            }
            else
            {
                _listeners[key] = remaining;
            }
        }
    }

    /// <summary>True when some event of <paramref name="stream"/> has a listener on this instance.</summary>
    public bool HasListeners(string stream) => _perStream.TryGetValue(stream, out var count) && count > 0;
}
