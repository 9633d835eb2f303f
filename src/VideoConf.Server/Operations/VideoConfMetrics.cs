using System.Diagnostics.Metrics;

namespace VideoConf.Server.Operations;

/// <summary>
/// The service's own counters (request counts and latencies per route come from ASP.NET Core's
/// <c>http.server.request.duration</c>). All are exported at <c>/metrics</c> in Prometheus' text format.
/// </summary>
internal sealed class VideoConfMetrics
{
    public const string MeterName = "VideoConf";

    private readonly Counter<long> _callsStarted;
    private readonly Counter<long> _callsJoined;
    private readonly Counter<long> _callsEnded;
    private readonly Counter<long> _rateLimitRefusals;
    private readonly Counter<long> _storeErrors;

    public VideoConfMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _callsStarted = meter.CreateCounter<long>("calls.started", description: "Calls started, by type.");
        _callsJoined = meter.CreateCounter<long>("calls.joined", description: "Joins that added someone to a call (a user's first join, or a guest).");
        _callsEnded = meter.CreateCounter<long>("calls.ended", description: "Calls that ended, by final status.");
        _rateLimitRefusals = meter.CreateCounter<long>("ratelimit.refusals", description: "Requests refused with 429, by route.");
        _storeErrors = meter.CreateCounter<long>("store.errors", description: "Requests answered 503 because the store was unavailable.");
    }

    public void CallStarted(string type) => _callsStarted.Add(1, new KeyValuePair<string, object?>("type", type));

    public void CallJoined() => _callsJoined.Add(1);

    public void CallEnded(int status) => _callsEnded.Add(1, new KeyValuePair<string, object?>("status", status));

    public void RateLimitRefused(string route) => _rateLimitRefusals.Add(1, new KeyValuePair<string, object?>("route", route));

    public void StoreError() => _storeErrors.Add(1);
}
