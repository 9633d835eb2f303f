using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace VideoConf.Bench;

/// <summary>A process of the server (or the ceiling) on a loopback port, stopped on dispose.</summary>
internal sealed class ServerUnderTest : IAsyncDisposable
{
    private readonly Process _process;

    private ServerUnderTest(Process process, string baseUrl, TimeSpan startup)
    {
        _process = process;
        BaseUrl = baseUrl;
        Startup = startup;
    }

    public string BaseUrl { get; }

    /// <summary>From exec to the first 200 of the readiness probe.</summary>
    public TimeSpan Startup { get; }

    public int Pid => _process.Id;

    public static async Task<ServerUnderTest> StartAsync(string dll, int port, IReadOnlyDictionary<string, string> environment, string readyPath)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var url = $"http://127.0.0.1:{port}{readyPath}";
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return new ServerUnderTest(process, $"http://127.0.0.1:{port}", clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(5);
        }
        process.Kill();
        throw new InvalidOperationException($"{dll} did not become ready within 60 s");
    }

    /// <summary>Logs in and returns the two authentication headers.</summary>
    public async Task<(string UserId, string Token)> LoginAsync(string username, string password)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync($"{BaseUrl}/api/v1/login", new { user = username, password });
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (json["data"]!["userId"]!.GetValue<string>(), json["data"]!["authToken"]!.GetValue<string>());
    }

    /// <summary>Creates a public room owned by the logged-in user and returns its id.</summary>
    public async Task<string> CreateChannelAsync(string userId, string token, string name)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{BaseUrl}/api/v1/channels.create") { Content = JsonContent.Create(new { name }) };
        request.Headers.Add("X-User-Id", userId);
        request.Headers.Add("X-Auth-Token", token);
        using var response = await http.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return json["channel"]?["_id"]?.GetValue<string>() ?? throw new InvalidOperationException($"channels.create failed: {json.ToJsonString()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
