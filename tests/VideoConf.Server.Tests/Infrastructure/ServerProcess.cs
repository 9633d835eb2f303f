using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// The published server started as its own process (<c>dotnet VideoConf.Server.dll</c>) on a free loopback port,
/// with the given environment; killed on dispose. Its output is kept for failure messages.
/// </summary>
public sealed class ServerProcess : ITestServer, IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>True once the server process has ended (crashed, or was killed).</summary>
    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public ApiClient CreateApiClient() => new(CreateHttpClient());

    /// <summary>A plain client for this server, for what is not the API (<c>/health</c>, <c>/metrics</c>, HEAD).</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(15) };

    /// <summary>
    /// Starts the server (in <paramref name="workingDirectory"/>, or the tests' own) and waits (at most 30 s) until
    /// <c>/health/ready</c> answers 200.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        // A test of the server's own choice of address gives the port as PORT, and clears ASPNETCORE_URLS.
        var port = environment.TryGetValue("PORT", out var chosen) ? int.Parse(chosen, CultureInfo.InvariantCulture) : LoopbackPort.Free();
        // Warnings and above unless the test asks for more: the output is kept for failure messages.
        var quiet = new Dictionary<string, string>(StringComparer.Ordinal) { ["Logging__LogLevel__Default"] = "Warning" };
        foreach (var (key, value) in environment)
        {
            quiet[key] = value;
        }
        var process = Process.Start(StartInfo(port, quiet, workingDirectory)) ?? throw new InvalidOperationException("Could not start the server.");
        TestRunCleanup.KillAfterTestRun(process.Id);
        var server = new ServerProcess(process, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        await server.DisposeAsync();
        throw new InvalidOperationException($"The server did not become ready within 30 s:\n{server.Output}");
    }

    /// <summary>
    /// Runs the server (with <paramref name="arguments"/>: a start expected to fail, or a command such as
    /// <c>store backup</c>) until it exits, and returns its exit code and everything it printed.
    /// Throws if it is still running after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout,
        params string[] arguments)
    {
        var start = StartInfo(LoopbackPort.Free(), environment, workingDirectory: null);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start the server.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The server was still running after {timeout.TotalSeconds} s.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary><c>dotnet VideoConf.Server.dll</c> listening on <paramref name="port"/> with <paramref name="environment"/>, its output redirected.</summary>
    private static ProcessStartInfo StartInfo(int port, IReadOnlyDictionary<string, string> environment, string? workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { ServerAssembly() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    /// <summary>The server built beside the tests (the test run builds the whole solution first).</summary>
    private static string ServerAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "VideoConf.slnx")))
        {
            directory = directory.Parent;
        }
        var path = Path.Combine(directory?.FullName ?? ".", "src", "VideoConf.Server", "bin", configuration, "net10.0", "VideoConf.Server.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the server assembly is missing.", path);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>Ends the server with SIGKILL, as <c>kill -9</c> does: no shutdown code runs. Its output stays readable.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
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
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
