namespace VideoConf.Server.Storage.Sql;

/// <summary>
/// The schema both SQL stores share, as numbered migrations. <c>{blob}</c> stands for the binary column type of
/// the dialect. Never edit a shipped migration; add the next.
/// </summary>
internal static class SqlSchema
{
    public static IReadOnlyList<(int Version, string Sql)> For(string blobType) =>
        Migrations.Select(m => (m.Version, m.Sql.Replace("{blob}", blobType, StringComparison.Ordinal))).ToList();

    private static readonly (int Version, string Sql)[] Migrations =
    [
        (1, """
            CREATE TABLE users (
                id TEXT PRIMARY KEY,
                username TEXT NOT NULL,
                name TEXT NOT NULL,
                email TEXT,
                email_verified BOOLEAN NOT NULL,
                password_hash TEXT,
                roles TEXT NOT NULL,
                active BOOLEAN NOT NULL,
                status TEXT NOT NULL,
                avatar_etag TEXT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            );
            CREATE UNIQUE INDEX users_username ON users (lower(username));
            CREATE UNIQUE INDEX users_email ON users (email);
            CREATE TABLE login_tokens (
                hashed_token TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users (id),
                kind TEXT NOT NULL,
                name TEXT,
                created_at BIGINT NOT NULL
            );
            CREATE UNIQUE INDEX login_tokens_personal_name ON login_tokens (user_id, name) WHERE name IS NOT NULL;
            CREATE TABLE rooms (
                id TEXT PRIMARY KEY,
                t TEXT NOT NULL,
                name TEXT,
                fname TEXT,
                owner_id TEXT,
                owner_username TEXT,
                msgs BIGINT NOT NULL,
                users_count INTEGER NOT NULL,
                ro BOOLEAN NOT NULL,
                uids TEXT,
                usernames TEXT,
                direct_key TEXT UNIQUE,
                ts BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            );
            CREATE UNIQUE INDEX rooms_name ON rooms (lower(name)) WHERE t IN ('c', 'p');
            CREATE TABLE subscriptions (
                id TEXT PRIMARY KEY,
                rid TEXT NOT NULL REFERENCES rooms (id),
                user_id TEXT NOT NULL REFERENCES users (id),
                username TEXT NOT NULL,
                t TEXT NOT NULL,
                name TEXT,
                fname TEXT,
                roles TEXT NOT NULL,
                open BOOLEAN NOT NULL,
                alert BOOLEAN NOT NULL,
                ts BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                UNIQUE (rid, user_id)
            );
            CREATE INDEX subscriptions_user ON subscriptions (user_id);
            CREATE TABLE messages (
                id TEXT PRIMARY KEY,
                rid TEXT NOT NULL REFERENCES rooms (id),
                t TEXT,
                msg TEXT NOT NULL,
                user_id TEXT NOT NULL,
                username TEXT NOT NULL,
                name TEXT NOT NULL,
                blocks TEXT,
                ts BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            );
            CREATE INDEX messages_room ON messages (rid, ts);
            CREATE TABLE settings (
                id TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                updated_at BIGINT NOT NULL
            );
            CREATE TABLE data_protection_keys (
                friendly_name TEXT PRIMARY KEY,
                xml TEXT NOT NULL
            );
            """),
        (2, """
            CREATE TABLE call_sequences (
                rid TEXT PRIMARY KEY,
                last_seq BIGINT NOT NULL
            );
            CREATE TABLE video_conferences (
                id TEXT NOT NULL UNIQUE,
                rid TEXT NOT NULL,
                seq BIGINT NOT NULL,
                status INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                ended_at BIGINT,
                ringing_until BIGINT,
                callee_id TEXT,
                provider_data TEXT,
                json {blob} NOT NULL,
                UNIQUE (rid, seq)
            );
            CREATE INDEX video_conferences_ringing ON video_conferences (ringing_until) WHERE ringing_until IS NOT NULL;
            CREATE INDEX video_conferences_open ON video_conferences (created_at) WHERE ended_at IS NULL;
            """),
        // Changes with every call inserted into or changed in the room, so a cached list page can be checked cheaply.
        (3, """
            ALTER TABLE call_sequences ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
            """),
        // When a direct call's ringing time is over, kept until one instance claims it and announces the timeout,
        // whatever happened to the call meanwhile; calls stored before this migration have none.
        (4, """
            ALTER TABLE video_conferences ADD COLUMN ringing_timeout_due BIGINT;
            CREATE INDEX video_conferences_ringing_timeout ON video_conferences (ringing_timeout_due) WHERE ringing_timeout_due IS NOT NULL;
            """),
    ];
}
