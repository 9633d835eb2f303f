namespace VideoConf.Server.Accounts;

/// <summary>Configuration section <c>Accounts</c>.</summary>
internal sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>bcrypt's cost; Rocket.Chat uses 10.</summary>
    public int PasswordWorkFactor { get; set; } = 10;
}
