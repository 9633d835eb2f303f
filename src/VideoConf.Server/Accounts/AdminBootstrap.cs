using VideoConf.Server.Storage;

namespace VideoConf.Server.Accounts;

/// <summary>Creates the first admin from <c>ADMIN_USERNAME</c>/<c>ADMIN_PASS</c>/<c>ADMIN_EMAIL</c>/<c>ADMIN_NAME</c> when no admin exists.</summary>
internal sealed partial class AdminBootstrap(IUserStore users, UserRegistration registration, IConfiguration configuration, ILogger<AdminBootstrap> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var username = configuration["ADMIN_USERNAME"];
        var password = configuration["ADMIN_PASS"];
        var email = configuration["ADMIN_EMAIL"];
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password) || string.IsNullOrEmpty(email))
        {
            return;
        }
        if (await users.AnyWithRoleAsync("admin", cancellationToken))
        {
            return;
        }
        var created = await registration.CreateAsync(
            new NewUser(username, email, password, configuration["ADMIN_NAME"], ["admin"], Verified: true), cancellationToken);
        if (created.Value is not { } user)
        {
            throw new InvalidOperationException($"ADMIN_USERNAME/ADMIN_EMAIL/ADMIN_NAME: the admin account could not be created ({created.Failure!.Reason}).");
        }
        LogAdminCreated(logger, user.Username);
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Created admin user {Username}")]
    private static partial void LogAdminCreated(ILogger logger, string username);
}
