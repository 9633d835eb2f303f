using System.Text.Json;
using StackExchange.Redis;
using VideoConf.Server.Events;
using VideoConf.Server.Realtime.Fanout;

namespace VideoConf.Server.Cluster;

/// <summary>
/// Events between instances over one Redis pub/sub channel. Each instance tags what it sends with its own id and
/// ignores its own messages. Sending never makes a request wait for Redis: the message is handed to the connection
/// without awaiting the server's reply, and dropped while Redis is gone (<see cref="RedisLink"/> logs that once). A
/// lost Redis only delays propagation: <see cref="ClusterSync"/> also re-reads settings periodically. Redis delivers
/// one sender's messages in the order they were sent, so each call's events arrive in order. Each event travels as
/// its own JSON under the name <see cref="Kinds"/> gives its type; what an event carries is what the store keeps
/// (a token's hash, never the token).
/// </summary>
internal sealed partial class RedisEventRelay(RedisLink link, ILogger<RedisEventRelay> logger) : IEventRelay
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("videoconf:events");

    /// <summary>Every event type by the name it travels under. A new <see cref="ServerEvent"/> is added here.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Kinds = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["setting"] = typeof(SettingChanged),
        ["call"] = typeof(CallChanged),
        ["message"] = typeof(MessagePosted),
        ["session-ended"] = typeof(SessionEnded),
        ["room-access-removed"] = typeof(RoomAccessRemoved),
        ["ringing-timed-out"] = typeof(RingingTimedOut),
        ["realtime-emitted"] = typeof(RealtimeEmitted),
    };

    private static readonly Dictionary<Type, string> KindOf = Kinds.ToDictionary(kind => kind.Value, kind => kind.Key);

    private readonly string _instanceId = Guid.NewGuid().ToString("N");

    public void Send(ServerEvent serverEvent)
    {
        if (!KindOf.TryGetValue(serverEvent.GetType(), out var kind))
        {
            LogNotRelayed(logger, serverEvent.GetType().Name);
            return;
        }
        if (!link.IsUsable())
        {
            return;
        }
        try
        {
            var message = JsonSerializer.Serialize(new Envelope(_instanceId, kind, JsonSerializer.SerializeToElement(serverEvent, serverEvent.GetType())));
            link.Redis.GetSubscriber().Publish(Channel, message, CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            link.ReportLost(ex.Message);
        }
    }

    /// <summary>
    /// Subscribes without waiting for Redis, so the instance starts while Redis is down; the multiplexer keeps the
    /// subscription and makes it again whenever the connection comes (back). One queue delivers the messages in order.
    /// </summary>
    public void Listen(Action<ServerEvent> receive) =>
        link.Redis.GetSubscriber().Subscribe(Channel, CommandFlags.FireAndForget).OnMessage(message =>
        {
            if (FromEnvelope(message.Message.ToString()) is { } serverEvent)
            {
                receive(serverEvent);
            }
        });

    /// <summary>The event another instance sent; null for this instance's own, and for what this version does not know.</summary>
    private ServerEvent? FromEnvelope(string json)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(json);
            if (envelope is null || envelope.Origin == _instanceId || envelope.Event.ValueKind != JsonValueKind.Object
                || !Kinds.TryGetValue(envelope.Kind, out var type))
            {
                return null;
            }
            return (ServerEvent?)envelope.Event.Deserialize(type);
        }
        catch (JsonException ex)
        {
            LogUnreadable(logger, ex.Message);
            return null;
        }
    }

    private sealed record Envelope(string Origin, string Kind, JsonElement Event);

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "An event from another instance could not be read: {Error}")]
    private static partial void LogUnreadable(ILogger logger, string error);

    [LoggerMessage(EventId = 502, Level = LogLevel.Error, Message = "{EventType} has no name in RedisEventRelay.Kinds; it reaches this instance's subscribers only")]
    private static partial void LogNotRelayed(ILogger logger, string eventType);
}
