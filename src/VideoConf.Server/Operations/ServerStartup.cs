using VideoConf.Server.Accounts;
using VideoConf.Server.Settings;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Operations;

/// <summary>What must be done before the first request: schema migrations, settings, the admin account.</summary>
internal static class ServerStartup
{
    public static async Task RunStartupTasksAsync(this WebApplication app)
    {
        var services = app.Services;
        await services.GetRequiredService<IStoreMigrator>().MigrateAsync();
        await services.GetRequiredService<SettingsService>().InitializeAsync();
        await services.GetRequiredService<AdminBootstrap>().RunAsync();
        services.GetRequiredService<PasswordHasher>().Warm();
        await MetricsServiceCollectionExtensions.StartMetricsListenerAsync();
    }

    /// <summary>Logs the start-up summary (<see cref="StartupSummary"/>) once the server listens.</summary>
    public static Task LogStartupSummaryAsync(this WebApplication app) =>
        ActivatorUtilities.CreateInstance<StartupSummary>(app.Services).LogAsync(app.Lifetime.ApplicationStopping);

    /// <summary>
    /// Serves on <c>PORT</c> (default 3000) on all interfaces, unless <c>ASPNETCORE_URLS</c> or <c>--urls</c> chose
    /// the addresses already. <c>PORT</c> wins over <c>ASPNETCORE_HTTP_PORTS</c>, which the .NET container images
    /// set to 8080; without <c>PORT</c>, <c>ASPNETCORE_HTTP_PORTS</c> applies.
    /// </summary>
    public static void UsePortFromEnvironment(this WebApplicationBuilder builder)
    {
        var text = builder.Configuration["PORT"];
        if (!string.IsNullOrEmpty(builder.Configuration["urls"])
            || (string.IsNullOrEmpty(text) && !string.IsNullOrEmpty(builder.Configuration["http_ports"])))
        {
            return;
        }
        var port = 3000;
        if (!string.IsNullOrEmpty(text) && (!int.TryParse(text, out port) || port is < 0 or > 65535))
        {
            throw new InvalidOperationException($"PORT: '{text}' is not a valid port number.");
        }
        builder.WebHost.UseUrls($"http://*:{port}");
    }
}
