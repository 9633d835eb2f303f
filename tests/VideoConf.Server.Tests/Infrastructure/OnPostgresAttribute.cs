namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// Runs a <c>[Theory]</c> taking a <see cref="StoreBackend"/> on PostgreSQL (a new database per case on the shared
/// throwaway cluster). Skipped when the binaries are missing, unless they are required (<see cref="ExternalServices"/>).
/// </summary>
public sealed class OnPostgresAttribute() : BackendDataAttribute(StoreBackend.Postgres, ExternalServices.PostgresSkipReason);
