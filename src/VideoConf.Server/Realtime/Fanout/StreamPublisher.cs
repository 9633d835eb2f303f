using System.Text.Json;
using VideoConf.Server.Realtime.Protocol;
using VideoConf.Server.Realtime.Sessions;
using VideoConf.Server.Realtime.Streams;

namespace VideoConf.Server.Realtime.Fanout;

/// <summary>
/// Sends one stream event to this instance's listeners: the <c>changed</c> message is rendered once, only when
/// someone listens, and the same bytes go to every listener's outbox. Enqueueing never waits, so one slow
/// listener delays nobody.
/// </summary>
internal sealed class StreamPublisher(StreamIndex index, TimeProvider time)
{
    /// <summary>Sends to every listener of (<paramref name="stream"/>, <paramref name="eventName"/>) but <paramref name="except"/>; returns how many.</summary>
    public int Publish<TState>(string stream, string eventName, TState state, Action<Utf8JsonWriter, TState> writeArgs, string? except = null)
    {
        var listeners = index.Listeners(stream, eventName);
        if (listeners.IsEmpty)
        {
            return 0;
        }
        var message = DdpFrames.Changed(stream, eventName, state, writeArgs);
        var now = time.GetUtcNow();
        var sent = 0;
        foreach (var (session, subscription) in listeners)
        {
            // A subscription that ended after the index was read must not get this event.
            if (session.Id != except && session.IsLive(subscription))
            {
                session.Send(message, now);
                sent++;
            }
        }
        return sent;
    }

    /// <summary>An event whose one argument is a string (a call id).</summary>
    public int PublishId(string stream, string eventName, string id) =>
        Publish(stream, eventName, id, static (w, value) => w.WriteStringValue(value));

    /// <summary>True when anyone on this instance listens to some event of <paramref name="stream"/>.</summary>
    public bool AnyListen(string stream) => index.HasListeners(stream);

    /// <summary>The listeners of one event, for events whose arguments depend on who listens.</summary>
    public IEnumerable<StreamListener> Listeners(string stream, string eventName) => index.Listeners(stream, eventName);

    public void Send(DdpSession session, byte[] message) => session.Send(message, time.GetUtcNow());
}
