using Microsoft.Extensions.Options;
using VideoConf.Server.Storage.Sqlite;

namespace VideoConf.Server.Storage;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the store chosen by <c>Storage:Provider</c>; an unknown provider stops the start.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Validate(o => string.Equals(o.Provider, StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase),
                "Storage:Provider must be 'sqlite'.")
            .Validate(o => o.CommandTimeoutSeconds is > 0 and <= 300, "Storage:CommandTimeoutSeconds must be between 1 and 300.")
            .ValidateOnStart();

        var provider = configuration[$"{StorageOptions.SectionName}:Provider"] ?? StorageOptions.Sqlite;
        if (!string.Equals(provider, StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Unknown Storage:Provider '{provider}'. Supported: 'sqlite'.");
        }

        services.AddSingleton(sp => new SqliteDatabase(
            configuration.GetConnectionString("Sqlite") ?? "Data Source=videoconf.db",
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.CommandTimeoutSeconds));
        services.AddSingleton<IStoreMigrator, SqliteMigrator>();
        services.AddSingleton<IStoreHealth, SqliteStoreHealth>();
        services.AddSingleton<IUserStore, SqliteUserStore>();
        services.AddSingleton<IRoomStore, SqliteRoomStore>();
        services.AddSingleton<IMessageStore, SqliteMessageStore>();
        services.AddSingleton<ICallStore, SqliteCallStore>();
        services.AddSingleton<ISettingStore, SqliteSettingStore>();
        services.AddSingleton<IDataProtectionKeyStore, SqliteDataProtectionKeyStore>();
        return services;
    }
}
