using System.Threading.Channels;

namespace VideoConf.Server.Events;

/// <summary>
/// One subscriber of the <see cref="EventHub"/>: a bounded queue and one reader that hands the events to the
/// handler in order. A handler that throws is logged and keeps receiving; a subscriber that falls
/// <see cref="Capacity"/> events behind loses the newest ones (logged once per backlog), so memory stays bounded
/// whatever a subscriber does, and the publisher never waits. The reader starts with the subscription, not as a
/// hosted service: it lives exactly as long as the subscription (from Subscribe to Dispose) and waits on no clock.
/// </summary>
internal sealed partial class EventSubscription : IDisposable
{
    public const int Capacity = 10_000;

    private readonly Channel<(ServerEvent Event, EventOrigin Origin)> _queue =
        Channel.CreateBounded<(ServerEvent, EventOrigin)>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly string _name;
    private readonly Func<ServerEvent, bool> _wants;
    private readonly Func<ServerEvent, EventOrigin, Task> _handler;
    private readonly Action<EventSubscription> _onDispose;
    private readonly ILogger _logger;
    private int _dropping;

    public EventSubscription(string name, Func<ServerEvent, bool> wants, Func<ServerEvent, EventOrigin, Task> handler,
        Action<EventSubscription> onDispose, ILogger logger)
    {
        _name = name;
        _wants = wants;
        _handler = handler;
        _onDispose = onDispose;
        _logger = logger;
        Completion = Task.Run(ReadAsync);
    }

    /// <summary>Ends when the subscription is disposed and its queue is drained.</summary>
    public Task Completion { get; }

    /// <summary>Queues the event if this subscriber wants it; never waits.</summary>
    public void Offer(ServerEvent serverEvent, EventOrigin origin)
    {
        if (!_wants(serverEvent))
        {
            return;
        }
        if (_queue.Writer.TryWrite((serverEvent, origin)))
        {
            Volatile.Write(ref _dropping, 0);
        }
        else if (Interlocked.Exchange(ref _dropping, 1) == 0)
        {
            LogDropping(_logger, _name, Capacity);
        }
    }

    public void Dispose()
    {
        _onDispose(this);
        _queue.Writer.TryComplete();
    }

    private async Task ReadAsync()
    {
        await foreach (var (serverEvent, origin) in _queue.Reader.ReadAllAsync())
        {
            try
            {
                await _handler(serverEvent, origin);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(_logger, _name, serverEvent.GetType().Name, ex);
            }
        }
    }

    [LoggerMessage(EventId = 530, Level = LogLevel.Warning, Message = "Event subscriber {Subscriber} is {Capacity} events behind; newer events are dropped for it until it catches up")]
    private static partial void LogDropping(ILogger logger, string subscriber, int capacity);

    [LoggerMessage(EventId = 531, Level = LogLevel.Error, Message = "Event subscriber {Subscriber} failed handling a {EventType}")]
    private static partial void LogHandlerFailed(ILogger logger, string subscriber, string eventType, Exception exception);
}
