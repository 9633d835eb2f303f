namespace VideoConf.Server.Accounts;

/// <summary>Configuration section <c>Accounts</c>.</summary>
internal sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>bcrypt's cost; Rocket.Chat uses 10.</summary>
    public int PasswordWorkFactor { get; set; } = 10;

    /// <summary>Threads that compute bcrypt; 0 (default) means one per core.</summary>
    public int PasswordHashThreads { get; set; }

    /// <summary>Password checks that may wait for a thread before logins answer 503; 0 (default) means 32 per thread.</summary>
    public int PasswordHashQueueLimit { get; set; }
}
