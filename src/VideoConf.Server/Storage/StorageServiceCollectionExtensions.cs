using Microsoft.Extensions.Options;
using VideoConf.Server.Cluster;
using VideoConf.Server.Storage.Caching;
using VideoConf.Server.Storage.Postgres;
using VideoConf.Server.Storage.Sql;
using VideoConf.Server.Storage.Sqlite;

namespace VideoConf.Server.Storage;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the store chosen by <c>Storage:Provider</c>; an unknown provider stops the start.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Validate(o => o.Provider is StorageOptions.Sqlite or StorageOptions.Postgres,
                "Storage:Provider must be 'sqlite' or 'postgres'.")
            .Validate(o => o.Provider != StorageOptions.Postgres || !string.IsNullOrEmpty(configuration.GetConnectionString("Postgres")),
                "Storage:Provider is 'postgres' but ConnectionStrings:Postgres is empty.")
            .Validate(o => o.CommandTimeoutSeconds is > 0 and <= 300, "Storage:CommandTimeoutSeconds must be between 1 and 300.")
            .Validate(o => o.MigrationTimeoutSeconds is > 0 and <= 86400, "Storage:MigrationTimeoutSeconds must be between 1 and 86400.")
            .Validate(o => o.StartupWaitSeconds is >= 0 and <= 3600, "Storage:StartupWaitSeconds must be between 0 and 3600.")
            .ValidateOnStart();

        services.AddSingleton<SqlDatabase>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            // The store's deadline runs on real time, as the driver's own timeouts do, not on the service's clock
            // (which tests move forward).
            return options.Provider == StorageOptions.Postgres
                ? new PostgresDatabase(configuration.GetConnectionString("Postgres")!, options.CommandTimeoutSeconds, TimeProvider.System)
                : new SqliteDatabase(configuration.GetConnectionString("Sqlite") ?? "Data Source=videoconf.db", options.CommandTimeoutSeconds);
        });
        if ((configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new()).Provider == StorageOptions.Sqlite)
        {
            services.AddSingleton(sp => (SqliteDatabase)sp.GetRequiredService<SqlDatabase>());
            services.AddHostedService<SqliteCheckpointer>();
        }
        services.AddSingleton<IStoreMigrator, SqlMigrator>();
        services.AddSingleton<IStoreHealth, SqlStoreHealth>();
        services.AddSingleton<SqlUserStore>();
        services.AddSingleton<SqlRoomStore>();
        if (ClusterServiceCollectionExtensions.IsClustered(configuration))
        {
            // Other instances write to the same store without passing through this one: nothing may be remembered.
            services.AddSingleton<IUserStore>(sp => sp.GetRequiredService<SqlUserStore>());
            services.AddSingleton<IRoomStore>(sp => sp.GetRequiredService<SqlRoomStore>());
        }
        else
        {
            // Every write passes through this instance, so the caches can forget exactly what each write changes.
            services.AddSingleton<IUserStore>(sp => new CachingUserStore(sp.GetRequiredService<SqlUserStore>()));
            services.AddSingleton<IRoomStore>(sp => new CachingRoomStore(sp.GetRequiredService<SqlRoomStore>()));
        }
        services.AddSingleton<IMessageStore, SqlMessageStore>();
        services.AddSingleton<ICallStore, SqlCallStore>();
        services.AddSingleton<ISettingStore, SqlSettingStore>();
        services.AddSingleton<IDataProtectionKeyStore, SqlDataProtectionKeyStore>();
        return services;
    }
}
