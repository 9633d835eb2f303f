using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.AspNetCore.Routing;
using Xunit.Abstractions;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Reliability;

/// <summary>
/// R2 (docs/contract.md): thousands of generated bad requests over every endpoint, through real HTTP to the server running
/// as its own process with the rate limiter off, on SQLite (or on PostgreSQL in the PostgreSQL pass). Nothing is answered 5xx, everything the application answers is the
/// JSON envelope with <c>success:false</c> (or a real success), nothing hangs, and the server is healthy afterwards.
/// The run is fixed by its seed; <c>VIDEOCONF_R2_SEED</c> (a CsCheck seed) replays or varies it, and
/// <c>VIDEOCONF_R2_CASES</c> changes the number of requests.
/// </summary>
public sealed class GeneratedBadInputTests(ITestOutputHelper output)
{
    private const int DefaultCases = 6_000;
    private const int InFlight = 8;
    private const string DefaultSeed = "0000000r2bad";
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);

    private const string JitsiSecret = "r2-jitsi-secret-4Hq9Zt";

    /// <summary>
    /// Three providers, Jitsi signing a token for every join, and anonymous joins allowed, so bad input also reaches
    /// the URL builders and the anonymous path (the generator switches providers and these settings too).
    /// </summary>
    private static readonly Dictionary<string, string> ProviderSettings = new()
    {
        ["Settings__VideoConf_Enabled_Providers"] = "jitsi,custom,googlemeet",
        ["Settings__VideoConf_Default_Provider"] = "jitsi",
        ["Settings__Custom_Provider_URL_Template"] = "https://conf.example.org/{roomId}/{callId}?t={title}&u={username}&id={userId}",
        ["Settings__Jitsi_Enabled_TokenAuth"] = "true",
        ["Settings__Jitsi_Application_ID"] = "videoconf-r2",
        ["Settings__Jitsi_Application_Secret"] = JitsiSecret,
        ["Settings__Accounts_AllowAnonymousRead"] = "true",
    };

    [Fact]
    public async Task GeneratedBadRequests_OverEveryEndpoint_AreNeverAnswered5xxAndAlwaysInTheEnvelope()
    {
        var seed = Environment.GetEnvironmentVariable("VIDEOCONF_R2_SEED") is { Length: > 0 } given ? given : DefaultSeed;
        var cases = int.TryParse(Environment.GetEnvironmentVariable("VIDEOCONF_R2_CASES"), CultureInfo.InvariantCulture, out var n) ? n : DefaultCases;
        using var directory = TestDirectory.Create();
        var environment = await ServerEnvironment.OnTestBackendAsync(directory);
        foreach (var (key, value) in ProviderSettings)
        {
            environment[key] = value;
        }
        await using var server = await ServerProcess.StartAsync(environment);
        var world = await BuildWorldAsync(server);
        var generator = new BadRequestGenerator(world).Cases;
        var pcg = PCG.Parse(seed);
        using var http = NewClient(server.BaseAddress);

        var clock = Stopwatch.StartNew();
        var next = -1;
        var failures = new List<string>();
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        var workers = Enumerable.Range(0, InFlight).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                int index;
                BadRequestCase request;
                lock (pcg)
                {
                    index = ++next;
                    if (index >= cases)
                    {
                        return;
                    }
                    // One generator state, drawn in order: the same seed gives the same requests however they are sent.
                    request = generator.Generate(pcg, null, out Size _);
                }
                var (outcome, problem) = await SendAndJudgeAsync(http, request);
                lock (failures)
                {
                    statuses[outcome] = statuses.GetValueOrDefault(outcome) + 1;
                    if (problem is not null)
                    {
                        failures.Add($"case {index}: {request.Describe()}\n  → {problem}");
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();

        output.WriteLine($"R2 ({(TestBackend.IsPostgres ? "PostgreSQL" : "SQLite")}): {cases} generated requests, seed {seed}, {clock.Elapsed.TotalSeconds:F1} s; outcomes: " +
            string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} × {s.Value}")));
        Assert.False(server.HasExited, $"The server process ended during the run:\n{server.Output}");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {cases} generated requests were answered wrongly (seed {seed}; set VIDEOCONF_R2_SEED={seed} to replay):\n" +
            string.Join("\n", failures.Take(15)));
        await AssertHealthyAsync(server, world);
        var logged = ProblemLogLines(server.Output, world);
        Assert.True(logged.Count == 0, $"The server logged errors or secrets during the run (seed {seed}):\n{string.Join("\n", logged.Take(10))}");
        await server.DisposeAsync();
    }

    [Fact]
    public void Generator_CoversEveryRouteTheServerMaps()
    {
        using var factory = new VideoConfFactory();
        var mapped = factory.GetService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                // HEAD mirrors each GET route, and the generator sends HEAD to every route among its other methods.
                .Where(method => method != "HEAD")
                .Select(method => $"{method} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(mapped.Count > 30, $"Only {mapped.Count} routes found.");
        Assert.Empty(mapped.Except(FuzzEndpoints.All.Select(e => e.Name)));
    }

    /// <summary>Sends one request; returns a label for the tally and what is wrong with the answer, or null.</summary>
    private static async Task<(string Outcome, string? Problem)> SendAndJudgeAsync(HttpClient http, BadRequestCase request)
    {
        using var message = new HttpRequestMessage(request.Method, request.Target);
        if (request.Body is not null)
        {
            var content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
            message.Content = content;
            // Lets the server refuse an oversized body (or request) before the body is sent, as curl does for large uploads.
            message.Headers.ExpectContinue = request.MayBeCutOff || request.ServerMayRefuse;
        }
        foreach (var (name, value) in request.Headers)
        {
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }
        using var timeout = new CancellationTokenSource(RequestTimeout);
        try
        {
            using var response = await http.SendAsync(message, timeout.Token);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            return (((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), Judge(request, response, body));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return ("hang", $"no answer within {RequestTimeout.TotalSeconds} s");
        }
        catch (HttpRequestException) when (request.MayBeCutOff)
        {
            return ("cut off while sending", null);
        }
        catch (HttpRequestException ex)
        {
            return ("connection failed", $"the connection failed: {ex.Message} {ex.InnerException?.Message}");
        }
    }

    private static string? Judge(BadRequestCase request, HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));
        if (status >= 500)
        {
            return $"answered {status}: {text}";
        }
        if (!request.IsApi)
        {
            return null;
        }
        // Every answer of the application under /api carries the no-cache headers; the web server's own refusals do not.
        var fromApplication = response.Headers.CacheControl?.NoStore == true;
        if (!fromApplication)
        {
            return request.ServerMayRefuse && status is >= 400 and < 500 ? null : $"answered {status} without the API's headers: {text}";
        }
        if (request.Method == HttpMethod.Head)
        {
            return null;
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return $"answered {status} with Content-Type {response.Content.Headers.ContentType}: {text}";
        }
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (status == (int)HttpStatusCode.OK && request.Target.Split('?')[0].TrimEnd('/') == "/api/openapi.json")
            {
                // The API's description is a document of its own, not an envelope (routing matches it with a trailing slash too).
                return root.TryGetProperty("openapi", out _) ? null : $"answered 200 with a document that is not OpenAPI: {text}";
            }
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("success", out var success) || success.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return $"answered {status} without a success flag: {text}";
            }
            if (status == (int)HttpStatusCode.OK)
            {
                return success.GetBoolean() ? null : $"answered 200 with success:false: {text}";
            }
            return !success.GetBoolean() && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                ? null
                : $"answered {status} outside the error envelope: {text}";
        }
        catch (JsonException)
        {
            return $"answered {status} with a body that is not JSON: {text}";
        }
    }

    /// <summary>Two users, a channel, a group and a direct room between them, a call in each: the ids the generator mixes in.</summary>
    private static async Task<BadInputWorld> BuildWorldAsync(ServerProcess server)
    {
        var admin = await server.LoginAdminAsync();
        var alice = await server.CreateUserAsync("alice");
        var bob = await server.CreateUserAsync("bob");
        var rooms = new[] { await alice.CreateChannelAsync(bob), await alice.CreateGroupAsync(bob), await alice.CreateDirectAsync(bob) };
        var calls = new List<string>();
        foreach (var room in rooms)
        {
            calls.Add(await alice.StartCallAsync(room, allowRinging: true));
        }
        var messages = new List<string>();
        foreach (var call in calls)
        {
            messages.Add((await alice.CallInfoAsync(call))["messages"]!["started"]!.GetValue<string>());
        }
        return new BadInputWorld(
            (admin.UserId!, admin.AuthToken!),
            (alice.UserId!, alice.AuthToken!),
            rooms,
            calls,
            [admin.UserId!, alice.UserId!, bob.UserId!],
            messages,
            [TestAccounts.AdminUsername, "alice", "bob"]);
    }

    private static async Task AssertHealthyAsync(ServerProcess server, BadInputWorld world)
    {
        using var http = server.CreateHttpClient();
        using var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        // The run may have switched the provider or its token auth; put them back so that a start can succeed.
        var admin = server.CreateApiClient().As(world.Admin.UserId, world.Admin.Token);
        await admin.ChangeSettingAsync("VideoConf_Default_Provider", "jitsi");
        await admin.ChangeSettingAsync("Jitsi_Enabled_TokenAuth", false);
        var user = server.CreateApiClient().As(world.User.UserId, world.User.Token);
        (await user.GetAsync("me")).AssertOk();
        (await user.GetAsync($"video-conference.list?roomId={world.RoomIds[0]}")).AssertOk();
        (await user.PostAsync("video-conference.start", new { roomId = world.RoomIds[0] })).AssertOk();
    }

    /// <summary>Log lines at Error or Critical level, and any line holding a token or password used in the run.</summary>
    private static List<string> ProblemLogLines(string log, BadInputWorld world)
    {
        string[] secrets = [JitsiSecret, world.Admin.Token, world.User.Token, TestAccounts.AdminPassword, TestAccounts.PasswordOf("alice"), TestAccounts.PasswordOf("bob")];
        return log.Split('\n')
            .Where(line => line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal)
                || line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal)
                || secrets.Any(secret => line.Contains(secret, StringComparison.Ordinal)))
            .ToList();
    }

    private static HttpClient NewClient(Uri baseAddress) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = InFlight,
            AllowAutoRedirect = false,
            UseCookies = false,
            // Sends header values as bytes, so a value with non-ASCII characters reaches the server as such.
            RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1,
        })
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
