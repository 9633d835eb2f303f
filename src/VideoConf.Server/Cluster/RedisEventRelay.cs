using System.Text.Json;
using StackExchange.Redis;
using VideoConf.Server.Events;

namespace VideoConf.Server.Cluster;

/// <summary>
/// Events between instances over one Redis pub/sub channel. Each instance tags what it sends with its own id and
/// ignores its own messages. Sending never makes a request wait for Redis: the message is handed to the connection
/// without awaiting the server's reply, and dropped while Redis is gone (<see cref="RedisLink"/> logs that once). A
/// lost Redis only delays propagation: <see cref="ClusterSync"/> also re-reads settings periodically. Redis delivers
/// one sender's messages in the order they were sent, so each call's events arrive in order.
/// </summary>
internal sealed partial class RedisEventRelay(RedisLink link, ILogger<RedisEventRelay> logger) : IEventRelay
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("videoconf:events");

    private const string SettingKind = "setting";
    private const string CallKind = "call";

    private readonly string _instanceId = Guid.NewGuid().ToString("N");

    public void Send(ServerEvent serverEvent)
    {
        if (!link.IsUsable())
        {
            return;
        }
        try
        {
            var message = JsonSerializer.Serialize(ToEnvelope(serverEvent));
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

    private Envelope ToEnvelope(ServerEvent serverEvent) => serverEvent switch
    {
        SettingChanged setting => new Envelope(_instanceId, SettingKind, setting.SettingId),
        CallChanged call => new Envelope(_instanceId, CallKind, call.CallId, call.RoomId, call.Change, call.Type, call.Status, call.UpdatedAt),
        _ => throw new ArgumentException($"{serverEvent.GetType().Name} is not relayed between instances.", nameof(serverEvent)),
    };

    /// <summary>The event another instance sent; null for this instance's own, and for what this version does not know.</summary>
    private ServerEvent? FromEnvelope(string json)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(json);
        }
        catch (JsonException ex)
        {
            LogUnreadable(logger, ex.Message);
            return null;
        }
        if (envelope is null || envelope.Origin == _instanceId)
        {
            return null;
        }
        return envelope switch
        {
            { Kind: SettingKind } => new SettingChanged(envelope.Key),
            { Kind: CallKind, RoomId: { } roomId, Change: { } change, Type: { } type, Status: { } status, UpdatedAt: { } updatedAt }
                => new CallChanged(envelope.Key, roomId, change, type, status, updatedAt),
            _ => null,
        };
    }

    private sealed record Envelope(
        string Origin,
        string Kind,
        string Key,
        string? RoomId = null,
        CallChange? Change = null,
        string? Type = null,
        int? Status = null,
        DateTime? UpdatedAt = null);

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "An event from another instance could not be read: {Error}")]
    private static partial void LogUnreadable(ILogger logger, string error);
}
