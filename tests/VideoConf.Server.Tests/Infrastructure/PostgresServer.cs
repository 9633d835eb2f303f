using System.Diagnostics;
using Npgsql;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster started from the system's binaries (<c>/usr/lib/postgresql/*/bin</c>) in a
/// temporary directory, listening on a free loopback port with its socket in that directory. <c>initdb</c>,
/// <c>pg_ctl</c> and <c>postgres</c> refuse to run as root, so as root they run as the <c>postgres</c> user.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(() => StartAsync());

    private readonly string _bin;

    private PostgresServer(string bin, string directory, int port)
    {
        _bin = bin;
        Directory = directory;
        Port = port;
    }

    public string Directory { get; }

    public string DataDirectory => Path.Combine(Directory, "data");

    public int Port { get; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    /// <summary>One cluster for the whole test run, stopped when the run ends (as every cluster started here is, <see cref="TestRunCleanup"/>).</summary>
    public static Task<PostgresServer> Shared => SharedServer.Value;

    /// <summary>The highest installed PostgreSQL's bin directory, or null when the binaries are missing.</summary>
    public static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!System.IO.Directory.Exists(root))
        {
            return null;
        }
        return System.IO.Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin; install the postgresql package.");
        var directory = Path.Combine(Path.GetTempPath(), $"videoconf-pg-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var server = new PostgresServer(bin, directory, LoopbackPort.Free());
        if (IsRoot())
        {
            await RunAsync("chown", $"postgres:postgres {directory}");
        }
        await server.RunToolAsync("initdb", $"-D {server.DataDirectory} -U postgres -A trust -E UTF8 --no-sync");
        await server.StartClusterAsync();
        TestRunCleanup.AfterTestRun($"{server.ToolCommand("pg_ctl", $"-D {server.DataDirectory} -m immediate -w -t 30 stop")}; rm -rf {directory}");
        return server;
    }

    /// <summary>A new empty database on this cluster; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"vc_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}";
    }

    public Task StartClusterAsync() => RunToolAsync("pg_ctl",
        $"-D {DataDirectory} -l {Path.Combine(Directory, "server.log")} -w -t 30 " +
        $"-o \"-p {Port} -k {Directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start");

    public Task StopClusterAsync() => RunToolAsync("pg_ctl", $"-D {DataDirectory} -m fast -w -t 30 stop");

    /// <summary>
    /// Freezes the cluster as a hung machine would (SIGSTOP to the postmaster and its children, the backends): the
    /// kernel still accepts connections, but nothing answers. Always pair with <see cref="ThawAsync"/>.
    /// </summary>
    public Task FreezeAsync() => SignalClusterAsync("STOP");

    /// <summary>Lets a frozen cluster run on (SIGCONT).</summary>
    public Task ThawAsync() => SignalClusterAsync("CONT");

    /// <summary>
    /// Signals the postmaster first, so it forks no new backend meanwhile, then every child it has. pkill finding no
    /// child is not a failure.
    /// </summary>
    private async Task SignalClusterAsync(string signal)
    {
        var pid = int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First().Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await RunAsync("sh", $"-c \"kill -{signal} {pid}; pkill -{signal} -P {pid}; true\"");
    }

    /// <summary>Forces everything written so far into the data files, so a scan of them sees it.</summary>
    public async Task CheckpointAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CHECKPOINT", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopClusterAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task RunToolAsync(string tool, string arguments) =>
        IsRoot()
            ? RunAsync("runuser", $"-u postgres -- {Path.Combine(_bin, tool)} {arguments}")
            : RunAsync(Path.Combine(_bin, tool), arguments);

    /// <summary>The same as a shell command line, for the cleanup after the run.</summary>
    private string ToolCommand(string tool, string arguments) =>
        IsRoot() ? $"runuser -u postgres -- {Path.Combine(_bin, tool)} {arguments}" : $"{Path.Combine(_bin, tool)} {arguments}";

    private static async Task RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await output} {await error}");
        }
    }

    private static bool IsRoot() => Environment.UserName == "root";
}
