using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoConf.Server.Storage;
using VideoConf.Server.Storage.Sql;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// The stores of one backend as the server registers them (<c>AddStorage</c>), on a new, migrated store: a SQLite
/// file in a directory of its own, or a new database on the shared PostgreSQL cluster. Users and rooms are the SQL
/// stores themselves, without the caches the server puts in front of them on a single instance.
/// </summary>
internal sealed class TestStores : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TestDirectory? _directory;

    private TestStores(StoreBackend backend, ServiceProvider services, TestDirectory? directory)
    {
        Backend = backend;
        _services = services;
        _directory = directory;
    }

    public StoreBackend Backend { get; }

    public ICallStore Calls => _services.GetRequiredService<ICallStore>();

    public IRoomStore Rooms => _services.GetRequiredService<SqlRoomStore>();

    public IUserStore Users => _services.GetRequiredService<SqlUserStore>();

    public IMessageStore Messages => _services.GetRequiredService<IMessageStore>();

    public ISettingStore Settings => _services.GetRequiredService<ISettingStore>();

    public IDataProtectionKeyStore Keys => _services.GetRequiredService<IDataProtectionKeyStore>();

    public static async Task<TestStores> OpenAsync(StoreBackend backend)
    {
        var directory = backend == StoreBackend.Sqlite ? TestDirectory.Create() : null;
        var settings = directory is not null
            ? new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = $"Data Source={directory.File("videoconf.db")}" }
            : new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "postgres",
                ["ConnectionStrings:Postgres"] = await (await PostgresServer.Shared).CreateDatabaseAsync(),
            };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddStorage(configuration).BuildServiceProvider();
        await services.GetRequiredService<IStoreMigrator>().MigrateAsync();
        return new TestStores(backend, services, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _directory?.Dispose();
    }
}
