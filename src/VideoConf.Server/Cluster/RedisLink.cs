using StackExchange.Redis;

namespace VideoConf.Server.Cluster;

/// <summary>
/// Whether Redis can be used right now, judged without waiting for it: the multiplexer's connection state, kept
/// current by its own failure and restore notifications. A loss is logged once and the recovery once, however many
/// requests run meanwhile; while Redis is gone, callers skip it instead of queueing commands that would wait for it.
/// </summary>
internal sealed partial class RedisLink
{
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisLink> _logger;
    private int _lost;

    public RedisLink(IConnectionMultiplexer redis, ILogger<RedisLink> logger)
    {
        _redis = redis;
        _logger = logger;
        redis.ConnectionFailed += (_, e) => ReportLost(e.Exception?.Message ?? e.FailureType.ToString());
        redis.ConnectionRestored += (_, _) =>
        {
            if (redis.IsConnected)
            {
                ReportReachable();
            }
        };
    }

    public IConnectionMultiplexer Redis => _redis;

    /// <summary>True when commands can be sent now; false is reported (and logged once) as a loss.</summary>
    public bool IsUsable()
    {
        if (_redis.IsConnected)
        {
            return true;
        }
        ReportLost("not connected");
        return false;
    }

    public void ReportLost(string reason)
    {
        if (Interlocked.Exchange(ref _lost, 1) == 0)
        {
            LogLost(_logger, reason);
        }
    }

    public void ReportReachable()
    {
        if (Interlocked.Exchange(ref _lost, 0) == 1)
        {
            LogReachable(_logger);
        }
    }

    [LoggerMessage(EventId = 520, Level = LogLevel.Warning,
        Message = "Redis unavailable ({Reason}); rate limiting falls back to this instance's own windows and changes are not announced to other instances until it is back")]
    private static partial void LogLost(ILogger logger, string reason);

    [LoggerMessage(EventId = 521, Level = LogLevel.Information,
        Message = "Redis reachable again; rate limiting is shared and changes are announced across instances")]
    private static partial void LogReachable(ILogger logger);
}
