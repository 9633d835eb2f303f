using System.Text.Json;
using VideoConf.Server.Realtime.Protocol;
using VideoConf.Server.Realtime.Sessions;

namespace VideoConf.Server.Realtime.Streams;

/// <summary>
/// <c>sub</c> and <c>unsub</c>: finds the stream's handler, lets it check the event name and the right to read,
/// and keeps the session and the <see cref="StreamIndex"/> in step. Also stops subscriptions when a logout, a kick
/// or a closed connection ends them.
/// </summary>
internal sealed class StreamSubscriptions(IEnumerable<IStreamHandler> handlers, StreamIndex index, TimeProvider time)
{
    private readonly Dictionary<string, IStreamHandler> _handlers = handlers.ToDictionary(h => h.Name, StringComparer.Ordinal);

    public bool IsKnown(string stream) => _handlers.ContainsKey(stream);

    public async Task SubscribeAsync(DdpSession session, string id, string name, JsonElement parameters, CancellationToken cancellationToken)
    {
        if (session.HasSubscription(id))
        {
            return;
        }
        if (!_handlers.TryGetValue(name, out var handler))
        {
            Send(session, DdpFrames.NoSub(id, MeteorError.SubscriptionNotFound(name)));
            return;
        }
        var (eventName, useCollection) = ReadParameters(parameters);
        if (string.IsNullOrEmpty(eventName))
        {
            Send(session, DdpFrames.NoSub(id, MeteorError.InvalidEventName));
            return;
        }
        if (session.User is not { } user)
        {
            Send(session, DdpFrames.NoSub(id, MeteorError.NotAllowed));
            return;
        }
        var grant = await handler.AuthorizeAsync(session, eventName, cancellationToken);
        if (grant.Refusal is { } refusal)
        {
            Send(session, DdpFrames.NoSub(id, refusal));
            return;
        }
        var subscription = new StreamSubscription(id, name, eventName, grant.RoomId, user.Id);
        if (!session.TryAdd(subscription, s => index.Add(session, s)))
        {
            // Logged out (or re-subscribed with this id) while the right was checked.
            if (session.User?.Id != user.Id && !session.HasSubscription(id))
            {
                Send(session, DdpFrames.NoSub(id, MeteorError.NotAllowed));
            }
            return;
        }
        if (useCollection)
        {
            Send(session, DdpFrames.Added(name, eventName));
        }
        Send(session, DdpFrames.Ready(id));
    }

    /// <summary><c>unsub</c>: always answered with <c>nosub</c>, as Meteor does, whether or not the id was live.</summary>
    public void Unsubscribe(DdpSession session, string id)
    {
        if (session.Remove(id) is { } removed)
        {
            index.Remove(session, removed);
        }
        Send(session, DdpFrames.NoSub(id));
    }

    /// <summary>Ends subscriptions the session already let go of (logout, kick) and tells the client with <c>nosub</c>.</summary>
    public void Stop(DdpSession session, IReadOnlyList<StreamSubscription> subscriptions)
    {
        foreach (var subscription in subscriptions)
        {
            index.Remove(session, subscription);
            Send(session, DdpFrames.NoSub(subscription.Id));
        }
    }

    /// <summary>Ends one live subscription with <c>nosub</c> (its right to read is gone).</summary>
    public void Stop(DdpSession session, StreamSubscription subscription)
    {
        if (session.Remove(subscription.Id) is { } removed)
        {
            Stop(session, [removed]);
        }
    }

    /// <summary>Asks the stream again whether the subscription's user may still read it; ends it with <c>nosub</c> if not.</summary>
    public async Task RecheckAsync(DdpSession session, StreamSubscription subscription, CancellationToken cancellationToken)
    {
        var grant = _handlers.TryGetValue(subscription.Stream, out var handler)
            ? await handler.AuthorizeAsync(session, subscription.EventName, cancellationToken)
            : StreamGrant.NotAllowed;
        if (grant.Refusal is not null || session.User?.Id != subscription.UserId)
        {
            Stop(session, subscription);
        }
    }

    /// <summary>A closed connection's subscriptions leave the index; nobody is told.</summary>
    public void Forget(DdpSession session)
    {
        foreach (var subscription in session.RemoveAll())
        {
            index.Remove(session, subscription);
        }
    }

    /// <summary>The event name and <c>useCollection</c> from <c>["name", {"useCollection":…}]</c> or <c>["name", bool]</c>.</summary>
    private static (string? EventName, bool UseCollection) ReadParameters(JsonElement parameters)
    {
        var length = parameters.GetArrayLength();
        var eventName = length > 0 && parameters[0].ValueKind == JsonValueKind.String ? parameters[0].GetString() : null;
        var useCollection = false;
        if (length > 1)
        {
            var options = parameters[1];
            useCollection = options.ValueKind == JsonValueKind.True
                || (options.ValueKind == JsonValueKind.Object && options.TryGetProperty("useCollection", out var flag) && flag.ValueKind == JsonValueKind.True);
        }
        return (eventName, useCollection);
    }

    private void Send(DdpSession session, byte[] message) => session.Send(message, time.GetUtcNow());
}
