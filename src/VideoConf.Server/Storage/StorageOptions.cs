namespace VideoConf.Server.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string Sqlite = "sqlite";

    /// <summary><c>sqlite</c> (default).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Upper bound for every store call.</summary>
    public int CommandTimeoutSeconds { get; set; } = 2;
}
