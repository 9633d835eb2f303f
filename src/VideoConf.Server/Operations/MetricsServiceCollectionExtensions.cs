using System.Diagnostics.Metrics;

namespace VideoConf.Server.Operations;

internal static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// The service's counters, and the adapter that exports them with ASP.NET Core's request-duration histogram at
    /// <c>/metrics</c>, listening from start-up rather than from the first scrape. Only the instruments listed in
    /// docs/operations.md are adapted, without exemplars, and no EventSource is listened to: every adapted
    /// measurement costs work on the request path, and a listened EventSource makes Kestrel write an event for each
    /// request.
    /// </summary>
    public static IServiceCollection AddVideoConfMetrics(this IServiceCollection services)
    {
        Prometheus.Metrics.SuppressDefaultMetrics(new Prometheus.SuppressDefaultMetricOptions
        {
            SuppressEventCounters = true,
        });
        Prometheus.Metrics.DefaultFactory.ExemplarBehavior = new Prometheus.ExemplarBehavior { DefaultExemplarProvider = null };
        Prometheus.Metrics.ConfigureMeterAdapter(options => options.InstrumentFilterPredicate = IsExported);
        services.AddSingleton<VideoConfMetrics>();
        services.AddHostedService<CallMetrics>();
        return services;
    }

    private static bool IsExported(Instrument instrument) =>
        instrument.Meter.Name == VideoConfMetrics.MeterName
        || (instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && instrument.Name == "http.server.request.duration");

    /// <summary>prometheus-net attaches its meter listener at the first collection; collect once at start-up so nothing before the first scrape is missed.</summary>
    public static Task StartMetricsListenerAsync() => Prometheus.Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null);
}
