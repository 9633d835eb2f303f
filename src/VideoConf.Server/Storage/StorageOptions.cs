namespace VideoConf.Server.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Upper bound for connecting and for every store command.</summary>
    public int CommandTimeoutSeconds { get; set; } = 2;

    /// <summary>How long the schema migrations at start may take in all (not bounded by <see cref="CommandTimeoutSeconds"/>).</summary>
    public int MigrationTimeoutSeconds { get; set; } = 600;

    /// <summary>How long the start waits for an unreachable PostgreSQL server before it gives up.</summary>
    public int StartupWaitSeconds { get; set; } = 30;

    /// <summary>
    /// Whether <c>list</c> keeps each room's newest page in memory (checked against the room's version on every
    /// request). Unset: on for PostgreSQL, where a page read is a network round trip, and off for SQLite, where it
    /// is an in-process read that costs about as much as the check.
    /// </summary>
    public bool? KeepNewestListPages { get; set; }

    /// <summary>Whether the page cache is on: <see cref="KeepNewestListPages"/> as configured, or the provider's default.</summary>
    public bool ListPageCacheEnabled => KeepNewestListPages ?? Provider == Postgres;
}
