using VideoConf.Server.Outcomes;

namespace VideoConf.Server.Providers;

/// <summary>Why no provider can serve a new call, checked in this order (<see cref="ProviderRegistry.Active"/>).</summary>
internal static class ProviderFailures
{
    public static readonly Failure NoneEnabled = Failure.Plain("no-videoconf-provider-app");

    public static readonly Failure NoneActive = Failure.Plain("no-active-video-conf-provider");

    public static readonly Failure NotConfigured = Failure.Plain("video-conf-provider-not-configured");

    public static readonly IReadOnlyList<Failure> All = [NoneEnabled, NoneActive, NotConfigured];
}
