namespace VideoConf.Server.Storage.Sqlite;

/// <summary>The SQLite schema as an append-only list of migrations: never edit a shipped one, add the next.</summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<(int Version, string Sql)> Migrations =
    [
        (1, """
            CREATE TABLE users (
                id TEXT PRIMARY KEY,
                username TEXT NOT NULL COLLATE NOCASE UNIQUE,
                name TEXT NOT NULL,
                email TEXT COLLATE NOCASE UNIQUE,
                email_verified INTEGER NOT NULL DEFAULT 0,
                password_hash TEXT,
                roles TEXT NOT NULL,
                active INTEGER NOT NULL,
                status TEXT NOT NULL,
                avatar_etag TEXT,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE TABLE login_tokens (
                hashed_token TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users(id),
                kind TEXT NOT NULL,
                name TEXT,
                created_at INTEGER NOT NULL
            );
            CREATE UNIQUE INDEX login_tokens_personal_name ON login_tokens(user_id, name) WHERE name IS NOT NULL;
            CREATE TABLE rooms (
                id TEXT PRIMARY KEY,
                t TEXT NOT NULL,
                name TEXT,
                fname TEXT,
                owner_id TEXT,
                owner_username TEXT,
                msgs INTEGER NOT NULL DEFAULT 0,
                users_count INTEGER NOT NULL DEFAULT 0,
                ro INTEGER NOT NULL DEFAULT 0,
                uids TEXT,
                usernames TEXT,
                direct_key TEXT UNIQUE,
                ts INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE UNIQUE INDEX rooms_name ON rooms(name COLLATE NOCASE) WHERE t IN ('c', 'p');
            CREATE TABLE subscriptions (
                id TEXT PRIMARY KEY,
                rid TEXT NOT NULL REFERENCES rooms(id),
                user_id TEXT NOT NULL REFERENCES users(id),
                username TEXT NOT NULL,
                t TEXT NOT NULL,
                name TEXT,
                fname TEXT,
                roles TEXT NOT NULL,
                open INTEGER NOT NULL,
                alert INTEGER NOT NULL,
                ts INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                UNIQUE (rid, user_id)
            );
            CREATE INDEX subscriptions_user ON subscriptions(user_id);
            CREATE TABLE messages (
                id TEXT PRIMARY KEY,
                rid TEXT NOT NULL REFERENCES rooms(id),
                t TEXT,
                msg TEXT NOT NULL,
                user_id TEXT NOT NULL,
                username TEXT NOT NULL,
                name TEXT NOT NULL,
                blocks TEXT,
                ts INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE INDEX messages_room ON messages(rid, ts);
            CREATE TABLE settings (
                id TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE TABLE data_protection_keys (
                friendly_name TEXT PRIMARY KEY,
                xml TEXT NOT NULL
            );
            """),
        (2, """
            CREATE TABLE call_sequences (
                rid TEXT PRIMARY KEY,
                last_seq INTEGER NOT NULL
            );
            CREATE TABLE video_conferences (
                id TEXT NOT NULL UNIQUE,
                rid TEXT NOT NULL,
                seq INTEGER NOT NULL,
                status INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                ended_at INTEGER,
                ringing_until INTEGER,
                callee_id TEXT,
                provider_data TEXT,
                json BLOB NOT NULL,
                UNIQUE (rid, seq)
            );
            CREATE INDEX video_conferences_ringing ON video_conferences(ringing_until) WHERE ringing_until IS NOT NULL;
            CREATE INDEX video_conferences_open ON video_conferences(created_at) WHERE ended_at IS NULL;
            """),
    ];
}
