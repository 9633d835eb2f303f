using System.Net;
using System.Net.Http.Headers;
using System.Text;
using VideoConf.Server.Tests.Http;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Reliability;

/// <summary>
/// R6 and §1's request limits on the real server process: oversized headers and request lines, and bytes that do not
/// decode, get a 4xx from the web server within a bounded time (never a hang), and the server keeps serving. The
/// 413 for bodies is covered on real sockets by <see cref="KestrelBodyLimitTests"/>; here it is checked that a refused
/// <c>start</c> stores no call.
/// </summary>
public sealed class RequestLimitTests(LimitServer fixture) : IClassFixture<LimitServer>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static TheoryData<string, int, int> OversizedHeaders => new()
    {
        { "X-Padding", 1, 64 * 1024 },
        { "X-Auth-Token", 1, 40 * 1024 },
        { "Cookie", 1, 48 * 1024 },
        { "X-Extra", 150, 10 },
        { "X-Spread", 60, 800 },
    };

    [Theory]
    [MemberData(nameof(OversizedHeaders))]
    public async Task OversizedHeaders_AreRefusedWith4xx_AndTheServerKeepsServing(string name, int count, int length)
    {
        var lines = Enumerable.Range(0, count).Select(i => $"{name}{(count > 1 ? $"-{i}" : string.Empty)}: {new string('h', length)}").ToList();
        lines.Add($"X-User-Id: {fixture.User.UserId}");

        var status = await RawHttp.SendAsync(fixture.Server.BaseAddress, RawHttp.Get(fixture.Server.BaseAddress, "/api/v1/me", [.. lines]), Bound);

        Assert.Equal((int)HttpStatusCode.RequestHeaderFieldsTooLarge, status);
        await AssertStillServingAsync();
    }

    [Theory]
    [InlineData("/api/v1/video-conference.list?roomId={padding}")]
    [InlineData("/api/v1/{padding}")]
    [InlineData("/api/v1/video-conference.list?roomId=x&offset=0&unknown={padding}")]
    public async Task OversizedRequestLine_IsRefusedWith414_AndTheServerKeepsServing(string target)
    {
        using var http = NewClient();

        using var response = await http.GetAsync(target.Replace("{padding}", new string('u', 16 * 1024), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task LongRequestLineWithinTheLimit_IsAnsweredByTheApplication()
    {
        var response = await fixture.User.GetAsync($"video-conference.list?roomId={new string('r', 7 * 1024)}");

        response.AssertPlainFailure("invalid-params");
    }

    /// <summary>
    /// Requests Kestrel refuses as undecodable (400 without a body), and two odd ones it lets through to the
    /// application, which answers them as any other (control characters other than CR, LF and NUL are legal bytes).
    /// </summary>
    public static TheoryData<string, byte[], int> Undecodable => new()
    {
        { "non-ASCII bytes in the path", Request("GET /api/v1/\u00FF\u00FEme HTTP/1.1"), 400 },
        { "non-ASCII bytes in the query", Request("GET /api/v1/video-conference.list?roomId=\u00C3\u0028 HTTP/1.1"), 400 },
        { "an encoded NUL in the path", Request("GET /api/v1/me%00 HTTP/1.1"), 400 },
        { "non-ASCII bytes in the token", Request("GET /api/v1/me HTTP/1.1", "X-User-Id: u", "X-Auth-Token: \u00FF\u00FE\u00E9"), 400 },
        { "a header without a colon", Request("GET /api/v1/me HTTP/1.1", "X-Auth-Token"), 400 },
        { "a request line that is not HTTP", Request("\u00FF\u00FE\u00FD"), 400 },
        { "a control character in the path", Request("GET /api/v1/m\u0001e HTTP/1.1"), 404 },
        { "a control character in the token", Request("GET /api/v1/me HTTP/1.1", "X-User-Id: u", "X-Auth-Token: a\u0001b"), 401 },
    };

    [Theory]
    [MemberData(nameof(Undecodable))]
    public async Task UndecodableOrOddRequest_IsAnswered4xx_AndTheServerKeepsServing(string what, byte[] request, int expected)
    {
        var status = await RawHttp.SendAsync(fixture.Server.BaseAddress, request, Bound);

        Assert.True(status == expected, $"{what}: answered {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}, expected {expected}");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Start_WithBodyOverOneMegabyte_Returns413AndStartsNoCall()
    {
        var before = await TotalCallsAsync();
        var padding = new string(' ', 1024 * 1024);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"roomId":"{{fixture.RoomId}}"{{padding}}}"""));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/video-conference.start") { Content = content };
        request.Headers.ExpectContinue = true;
        request.Headers.Add("X-User-Id", fixture.User.UserId);
        request.Headers.Add("X-Auth-Token", fixture.User.AuthToken);
        using var http = NewClient();

        var response = await new ApiClient(http).SendAsync(request);

        response.AssertBody(HttpStatusCode.RequestEntityTooLarge, ApiBodies.PayloadTooLarge);
        Assert.Equal(before, await TotalCallsAsync());
    }

    private async Task<int> TotalCallsAsync()
    {
        var list = await fixture.User.GetAsync($"video-conference.list?roomId={fixture.RoomId}");
        list.AssertOk();
        return list.Json["total"]!.GetValue<int>();
    }

    private async Task AssertStillServingAsync()
    {
        Assert.False(fixture.Server.HasExited, fixture.Server.Output);
        (await fixture.User.GetAsync("me")).AssertOk();
    }

    /// <summary>A client that waits for the server's early answer to <c>Expect: 100-continue</c> as long as it takes.</summary>
    private HttpClient NewClient() =>
        new(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = fixture.Server.BaseAddress,
            Timeout = Bound,
        };

    private static byte[] Request(string requestLine, params string[] headerLines) =>
        Encoding.Latin1.GetBytes($"{requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n{string.Concat(headerLines.Select(l => l + "\r\n"))}\r\n");
}
