using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using IConnectionMultiplexer = StackExchange.Redis.IConnectionMultiplexer;
using VideoConf.Server.Settings;
using VideoConf.Server.Storage;
using VideoConf.Server.Storage.Sql;

namespace VideoConf.Server.Operations;

/// <summary>
/// The one line an operator reads first, logged once the server listens: version, addresses, store and schema,
/// Redis, providers, and whether an admin exists (and how to create one if not).
/// </summary>
internal sealed partial class StartupSummary(
    IServer server,
    SqlDatabase database,
    SettingsService settings,
    IUserStore users,
    IServiceProvider services,
    ILogger<StartupSummary> logger)
{
    public async Task LogAsync(CancellationToken cancellationToken = default)
    {
        var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var schema = database.Migrations.Count == 0 ? 0 : database.Migrations.Max(m => m.Version);
        var redis = services.GetService<IConnectionMultiplexer>() is { } multiplexer
            ? $"{string.Join(' ', multiplexer.GetEndPoints().Select(e => e.ToString()))} ({(multiplexer.IsConnected ? "connected" : "not connected")})"
            : "not used";
        var defaultProvider = settings.GetString(SettingIds.VideoConfDefaultProvider);
        var providers = $"{settings.GetString(SettingIds.VideoConfEnabledProviders)} (default {(defaultProvider.Length > 0 ? defaultProvider : "the first enabled")})";
        var admin = await users.AnyWithRoleAsync("admin", cancellationToken)
            ? "exists"
            : "none yet (set ADMIN_USERNAME, ADMIN_PASS and ADMIN_EMAIL and restart to create one)";
        LogSummary(logger, InfoEndpoints.ServerVersion, string.Join(' ', urls), database.Description, schema, redis, providers, admin);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "VideoConf {Version} listening on {Urls}; store: {Store}, schema version {SchemaVersion}; Redis: {Redis}; providers: {Providers}; admin: {Admin}")]
    private static partial void LogSummary(ILogger logger, string version, string urls, string store, int schemaVersion, string redis, string providers, string admin);
}
