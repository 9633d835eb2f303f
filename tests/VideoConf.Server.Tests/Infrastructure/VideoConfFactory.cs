using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// The real server in-process on its own store (a SQLite file in a temporary directory, or a PostgreSQL database as
/// <see cref="TestBackend"/> says), with <see cref="ServerEnvironment.Defaults"/> and failed-login blocking off, a
/// controllable clock and every log line captured.
/// </summary>
public class VideoConfFactory : WebApplicationFactory<Program>, ITestServer
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    public VideoConfFactory()
        : this(TestDirectory.NewPath(), NewPostgresDatabase())
    {
    }

    /// <summary>A factory on an existing store, to restart the server on it.</summary>
    protected internal VideoConfFactory(string directory, string? postgresConnectionString)
    {
        Directory = directory;
        PostgresConnectionString = postgresConnectionString;
        System.IO.Directory.CreateDirectory(directory);
        _settings["ConnectionStrings:Sqlite"] = $"Data Source={DatabasePath}";
        if (postgresConnectionString is not null)
        {
            _settings["Storage:Provider"] = "postgres";
            _settings["ConnectionStrings:Postgres"] = postgresConnectionString;
        }
        foreach (var (variable, value) in ServerEnvironment.Defaults())
        {
            _settings[ServerEnvironment.ConfigurationKey(variable)] = value;
        }
        // Failed-login blocking is a limiter too, and all test traffic comes from one address.
        _settings["Settings:Block_Multiple_Failed_Logins_Enabled"] = "false";
    }

    public string Directory { get; }

    /// <summary>The PostgreSQL database of this server when the tests run on PostgreSQL (<see cref="TestBackend"/>).</summary>
    public string? PostgresConnectionString { get; }

    /// <summary>A second server on the same store, as after a restart.</summary>
    public static VideoConfFactory OnSameStoreAs(VideoConfFactory previous) => new(previous.Directory, previous.PostgresConnectionString);

    /// <summary>
    /// Every byte the store has written: the SQLite file and its WAL, or on PostgreSQL, after a checkpoint, this
    /// server's database files, the cluster's shared catalogs and its write-ahead log (which every database writes
    /// through). The other test databases on the shared cluster are left out: they hold nothing of this server and
    /// would make every scan read the whole cluster. Scans for secrets look here.
    /// </summary>
    public async Task<byte[]> ReadStoreBytesAsync()
    {
        var files = new List<string>();
        if (PostgresConnectionString is null)
        {
            files.AddRange(new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists));
        }
        else
        {
            var server = await PostgresServer.Shared;
            await server.CheckpointAsync();
            var databaseDirectory = Path.Combine(server.DataDirectory, "base", (await DatabaseOidAsync()).ToString(CultureInfo.InvariantCulture));
            files.AddRange(System.IO.Directory.EnumerateFiles(server.DataDirectory, "*", SearchOption.AllDirectories)
                .Where(file => !file.StartsWith(Path.Combine(server.DataDirectory, "base") + "/", StringComparison.Ordinal)
                    || file.StartsWith(databaseDirectory + "/", StringComparison.Ordinal)));
        }
        using var all = new MemoryStream();
        foreach (var file in files)
        {
            try
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                await stream.CopyToAsync(all);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                // PostgreSQL removes some files (relation cache files, temporary files) while it runs; what is gone holds nothing to scan.
            }
        }
        return all.ToArray();
    }

    private async Task<uint> DatabaseOidAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT oid FROM pg_database WHERE datname = current_database()", connection);
        return (uint)(await command.ExecuteScalarAsync())!;
    }

    private static string? NewPostgresDatabase() =>
        TestBackend.IsPostgres ? PostgresServer.Shared.GetAwaiter().GetResult().CreateDatabaseAsync().GetAwaiter().GetResult() : null;

    public string DatabasePath => Path.Combine(Directory, "videoconf.db");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 27, 7, 45, 14, 533, TimeSpan.Zero));

    public LogCapture Logs { get; } = new();

    /// <summary>Sets a configuration value before the server starts (for example <c>Settings:Accounts_RegistrationForm</c>).</summary>
    public VideoConfFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            ConfigureTestServices(services);
        });
    }

    /// <summary>Extra services a test class needs (fault injection, for example).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public ApiClient CreateApiClient() => new(CreateClient());

    /// <summary>
    /// Starts the server where the start must fail, and returns the message of every exception in the failure (the
    /// host wraps the one that names the problem, sometimes in an aggregate).
    /// </summary>
    public IReadOnlyList<string> FailedStartMessages()
    {
        var messages = new List<string>();
        var pending = new Stack<Exception>([Assert.ThrowsAny<Exception>(() => CreateClient())]);
        while (pending.TryPop(out var current))
        {
            messages.Add(current.Message);
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
        return messages;
    }

    public T GetService<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
