using System.Text.Json;
using StackExchange.Redis;

namespace VideoConf.Server.Cluster;

/// <summary>
/// Cluster events over a Redis pub/sub channel. Each instance tags what it publishes with its own id and ignores
/// its own messages. Publishing never makes a request wait for Redis: the message is handed to the connection
/// without awaiting the server's reply, and dropped while Redis is gone (<see cref="RedisLink"/> logs that once). A
/// lost Redis only delays propagation: <see cref="ClusterSync"/> also re-reads settings periodically.
/// </summary>
internal sealed partial class RedisClusterBus(RedisLink link, ILogger<RedisClusterBus> logger) : IClusterBus
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("videoconf:events");

    private readonly string _instanceId = Guid.NewGuid().ToString("N");
    private readonly List<Func<ClusterEvent, Task>> _handlers = [];
    private int _subscribed;

    public bool IsDistributed => true;

    public Task PublishAsync(ClusterEvent clusterEvent, CancellationToken cancellationToken = default)
    {
        if (!link.IsUsable())
        {
            return Task.CompletedTask;
        }
        try
        {
            var message = JsonSerializer.Serialize(new Envelope(_instanceId, clusterEvent.Kind, clusterEvent.Key));
            link.Redis.GetSubscriber().Publish(Channel, message, CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            link.ReportLost(ex.Message);
        }
        return Task.CompletedTask;
    }

    public void Subscribe(Func<ClusterEvent, Task> handler)
    {
        lock (_handlers)
        {
            _handlers.Add(handler);
        }
        if (Interlocked.Exchange(ref _subscribed, 1) == 0)
        {
            link.Redis.GetSubscriber().Subscribe(Channel).OnMessage(OnMessageAsync);
        }
    }

    private async Task OnMessageAsync(ChannelMessage message)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(message.Message.ToString());
        }
        catch (JsonException)
        {
            return;
        }
        if (envelope is null || envelope.Origin == _instanceId)
        {
            return;
        }
        Func<ClusterEvent, Task>[] handlers;
        lock (_handlers)
        {
            handlers = [.. _handlers];
        }
        foreach (var handler in handlers)
        {
            try
            {
                await handler(new ClusterEvent(envelope.Kind, envelope.Key));
            }
            catch (Exception ex)
            {
                LogHandlerFailed(logger, envelope.Kind, ex);
            }
        }
    }

    private sealed record Envelope(string Origin, string Kind, string Key);

    [LoggerMessage(EventId = 501, Level = LogLevel.Error, Message = "Handling a {Kind} event from another instance failed")]
    private static partial void LogHandlerFailed(ILogger logger, string kind, Exception exception);
}
