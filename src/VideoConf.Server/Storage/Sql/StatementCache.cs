using System.Data.Common;
using System.Runtime.CompilerServices;

namespace VideoConf.Server.Storage.Sql;

/// <summary>
/// The prepared commands of one long-lived connection, by SQL text. A command is compiled once and then run again
/// with new parameters, instead of being parsed and planned on every use. Only connections whose provider prepares
/// nothing itself (SQLite) are registered; Npgsql has its own automatic preparation. Commands handed out from here
/// belong to the connection: callers run them and never dispose them.
/// </summary>
internal sealed class StatementCache
{
    /// <summary>Enough for every fixed statement of the stores; SQL built at run time is never cached.</summary>
    private const int MaxStatements = 64;

    private static readonly ConditionalWeakTable<DbConnection, StatementCache> Caches = [];

    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public static void Register(DbConnection connection) => Caches.AddOrUpdate(connection, new StatementCache());

    /// <summary>The cached command for <paramref name="sql"/> on this connection, or null when it has no cache.</summary>
    public static DbCommand? Find(DbConnection connection, string sql, DbTransaction? transaction)
    {
        if (!Caches.TryGetValue(connection, out var cache))
        {
            return null;
        }
        if (!cache._commands.TryGetValue(sql, out var command))
        {
            if (cache._commands.Count >= MaxStatements)
            {
                return null;
            }
            command = connection.CreateCommand();
            command.CommandText = sql;
            command.Prepare();
            cache._commands.Add(sql, command);
        }
        command.Parameters.Clear();
        command.Transaction = transaction;
        return command;
    }
}
