using VideoConf.Server.Events;
using VideoConf.Server.Settings;

namespace VideoConf.Server.Cluster;

/// <summary>
/// Applies what other instances announce: a setting changed there is re-read from the store at once. As a safety
/// net against lost messages, all settings are re-read every <see cref="ResyncInterval"/>.
/// </summary>
internal sealed partial class ClusterSync(EventHub events, SettingsService settings, TimeProvider time, ILogger<ClusterSync> logger) : BackgroundService
{
    public static readonly TimeSpan ResyncInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = events.Subscribe<SettingChanged>(nameof(ClusterSync), OnSettingChangedAsync);
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

    /// <summary>This instance's own changes are already in force; only another instance's need the store re-read.</summary>
    private Task OnSettingChangedAsync(SettingChanged changed, EventOrigin origin) =>
        origin == EventOrigin.Remote ? settings.ReloadAsync(changed.SettingId) : Task.CompletedTask;

    [LoggerMessage(EventId = 510, Level = LogLevel.Warning, Message = "Periodic settings re-read failed: {Error}")]
    private static partial void LogResyncFailed(ILogger logger, string error);
}
