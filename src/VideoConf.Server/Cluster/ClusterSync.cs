using VideoConf.Server.Settings;

namespace VideoConf.Server.Cluster;

/// <summary>
/// Applies what other instances announce: a changed setting is re-read from the store at once. As a safety net
/// against lost messages, all settings are re-read every <see cref="ResyncInterval"/>.
/// </summary>
internal sealed partial class ClusterSync(IClusterBus bus, SettingsService settings, TimeProvider time, ILogger<ClusterSync> logger) : BackgroundService
{
    public static readonly TimeSpan ResyncInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        bus.Subscribe(OnEventAsync);
        try
        {
            while (true)
            {
                await Task.Delay(ResyncInterval, time, stoppingToken);
                try
                {
                    await settings.ReloadAllAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogResyncFailed(logger, ex.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private Task OnEventAsync(ClusterEvent clusterEvent) => clusterEvent.Kind switch
    {
        ClusterEvents.SettingChanged => settings.ReloadAsync(clusterEvent.Key),
        _ => Task.CompletedTask,
    };

    [LoggerMessage(EventId = 510, Level = LogLevel.Warning, Message = "Periodic settings re-read failed: {Error}")]
    private static partial void LogResyncFailed(ILogger logger, string error);
}
