using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Settings;

internal static class DataProtectionServiceCollectionExtensions
{
    /// <summary>
    /// Data Protection for secret settings: keys in the store by default, or in the directory named by
    /// <c>DataProtection:KeysDirectory</c>.
    /// </summary>
    public static IServiceCollection AddDataProtectionKeysInStore(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection().SetApplicationName("VideoConf");
        if (configuration["DataProtection:KeysDirectory"] is { Length: > 0 } directory)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(directory));
            return services;
        }
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new StoreXmlRepository(sp.GetRequiredService<IDataProtectionKeyStore>())));
        return services;
    }
}
