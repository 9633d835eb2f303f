namespace VideoConf.Server.Operations;

internal static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// The service's counters, and the adapter that exports every .NET meter (ours and ASP.NET Core's request
    /// metrics) at <c>/metrics</c>, listening from start-up rather than from the first scrape.
    /// </summary>
    public static IServiceCollection AddVideoConfMetrics(this IServiceCollection services)
    {
        Prometheus.Metrics.ConfigureMeterAdapter(_ => { });
        services.AddSingleton<VideoConfMetrics>();
        return services;
    }

    /// <summary>prometheus-net attaches its meter listener at the first collection; collect once at start-up so nothing before the first scrape is missed.</summary>
    public static Task StartMetricsListenerAsync() => Prometheus.Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null);
}
