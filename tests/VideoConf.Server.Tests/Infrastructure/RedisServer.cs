using System.Diagnostics;
using System.Net.Sockets;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>A throwaway <c>redis-server</c> on a free loopback port, without persistence, killed on dispose.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly Lazy<Task<RedisServer>> SharedServer = new(() => StartAsync());

    private readonly Process _process;
    private bool _disposed;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=2000";

    /// <summary>One server for the whole test run, killed when the run ends (as every server started here is); tests keep to keys of their own.</summary>
    public static Task<RedisServer> Shared => SharedServer.Value;

    public static string? FindBinary() =>
        new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);

    /// <summary>Starts a server on a free port, or on <paramref name="port"/> to bring back one that was stopped.</summary>
    public static async Task<RedisServer> StartAsync(int? port = null)
    {
        var binary = FindBinary() ?? throw new InvalidOperationException("redis-server not found; install the redis-server package.");
        port ??= LoopbackPort.Free();
        var start = new ProcessStartInfo(binary, $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no --dir {Path.GetTempPath()}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server.");
        TestRunCleanup.KillAfterTestRun(process.Id);
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port.Value);
                return new RedisServer(process, port.Value);
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        process.Kill();
        throw new InvalidOperationException("redis-server did not start listening within 10 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
