namespace VideoConf.Server.Accounts;

internal static class AccountServiceCollectionExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>()
            .Bind(configuration.GetSection(AccountOptions.SectionName))
            .Validate(o => o.PasswordWorkFactor is >= 4 and <= 31, "Accounts:PasswordWorkFactor must be between 4 and 31.")
            .Validate(o => o.PasswordHashThreads >= 0, "Accounts:PasswordHashThreads must be 0 (one per core) or more.")
            .Validate(o => o.PasswordHashQueueLimit >= 0, "Accounts:PasswordHashQueueLimit must be 0 (32 per thread) or more.")
            .ValidateOnStart();
        services.AddSingleton<PasswordHashQueue>();
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<LoginService>();
        services.AddSingleton<SessionAuthenticator>();
        services.AddSingleton<UserRegistration>();
        services.AddSingleton<AdminBootstrap>();
        return services;
    }
}
