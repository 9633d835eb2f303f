using Prometheus;
using VideoConf.Server.Accounts;
using VideoConf.Server.Cluster;
using VideoConf.Server.Http;
using VideoConf.Server.Http.OpenApi;
using VideoConf.Server.Operations;
using VideoConf.Server.Providers;
using VideoConf.Server.RateLimiting;
using VideoConf.Server.Realtime;
using VideoConf.Server.Rooms;
using VideoConf.Server.Settings;
using VideoConf.Server.Storage;
using VideoConf.Server.VideoConferences;

// `store backup|verify …`: the operator's store tools, in the same binary; they run instead of the server.
if (StoreCommands.IsStoreCommand(args))
{
    Environment.ExitCode = await StoreCommands.RunAsync(args);
    return;
}

// Configuration files are read once, at start: watching them for changes means watching the whole content root,
// where the SQLite store usually lives, and every write to the store would then wake the watcher.
StartupFailure.ReportInOneLineWhileStarting();

// appsettings.json is found beside the program, whatever the working directory; relative paths in settings (the
// SQLite file) still mean the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = [.. args, "--hostBuilder:reloadConfigOnChange=false"],
    ContentRootPath = AppContext.BaseDirectory,
});

builder.Configuration.AddRocketChatEnvironment();
builder.UsePortFromEnvironment();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = RequestInput.MaxBodyBytes;
});
builder.AddVideoConfConsoleLogging();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddVideoConfMetrics();
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddDataProtectionKeysInStore(builder.Configuration);
builder.Services.AddVideoConfHealthChecks();
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddRooms();
builder.Services.AddSingleton<SettingsService>();
builder.Services.AddProviders();
builder.Services.AddCluster(builder.Configuration);
builder.Services.AddApiRateLimiting(builder.Configuration);
builder.Services.AddVideoConferences();
builder.Services.AddRealtime(builder.Configuration);
builder.Services.AddApiDocument();

var app = builder.Build();

// Migrations, settings and the first admin, before the first request is served.
await app.RunStartupTasksAsync();
StartupFailure.Started();

app.UseApiPipeline();

app.MapInfoEndpoints();
app.MapHealthEndpoints();
app.MapMetrics("/metrics");
app.MapAccountEndpoints();
app.MapUserEndpoints();
app.MapNamedRoomEndpoints();
app.MapRoomEndpoints();
app.MapRoomListEndpoints();
app.MapSettingEndpoints();
app.MapVideoConferenceEndpoints();
app.MapRealtime();
app.MapApiDocument();

await app.StartAsync();
await app.LogStartupSummaryAsync();
await app.WaitForShutdownAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
