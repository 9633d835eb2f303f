using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace VideoConf.Server.Tests.Realtime;

/// <summary>SockJS's WebSocket transport (contract §9): info, <c>o</c>, <c>a[...]</c>, client arrays, <c>h</c>, <c>c[...]</c>.</summary>
public sealed class SockJsTests(RealtimeFactory factory) : IClassFixture<RealtimeFactory>
{
    private const string Path = "/sockjs/123/abcdefgh/websocket";

    [Fact]
    public async Task Info_SaysWebSocketsAreAvailable()
    {
        using var http = factory.CreateClient();
        using var response = await http.GetAsync("/sockjs/info");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["websocket", "origins", "cookie_needed", "entropy"], body.Select(p => p.Key));
        Assert.True(body["websocket"]!.GetValue<bool>());
        Assert.Equal("""["*:*"]""", body["origins"]!.ToJsonString());
        Assert.False(body["cookie_needed"]!.GetValue<bool>());
        Assert.InRange(body["entropy"]!.GetValue<long>(), 0, uint.MaxValue);
    }

    [Fact]
    public async Task Open_SendsO_ThenDdpMessagesInsideArrays()
    {
        await using var client = await factory.OpenAsync(Path);

        Assert.Equal("o", await client.ReceiveTextAsync());
        await client.SendAsync("""["{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\"]}"]""");
        var frame = await client.ReceiveTextAsync();

        Assert.StartsWith("a[\"", frame);
        var inner = JsonNode.Parse(JsonNode.Parse(frame![1..])![0]!.GetValue<string>())!;
        Assert.Equal("connected", inner["msg"]!.GetValue<string>());
    }

    [Fact]
    public async Task SeveralMessagesInOneClientFrame_AreAllHandled()
    {
        await using var client = await factory.OpenAsync(Path);
        await client.ReceiveTextAsync();
        await client.SendAsync("""["{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\"]}","{\"msg\":\"ping\",\"id\":\"p1\"}"]""");

        await client.ReceiveTextAsync();
        Assert.Equal("""a["{\"msg\":\"pong\",\"id\":\"p1\"}"]""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task AFrameThatIsNotAnArrayOfStrings_IsAParseError()
    {
        await using var client = await factory.OpenAsync(Path);
        await client.ReceiveTextAsync();
        await client.SendAsync("""[{"msg":"connect"}]""");

        Assert.Equal("""a["{\"msg\":\"error\",\"reason\":\"Parse error\"}"]""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task AFailedConnect_SendsCBeforeClosing()
    {
        await using var client = await factory.OpenAsync(Path);
        await client.ReceiveTextAsync();
        await client.SendAsync("""["{\"msg\":\"connect\",\"version\":\"9\",\"support\":[\"9\"]}"]""");

        Assert.Equal("""a["{\"msg\":\"failed\",\"version\":\"1\"}"]""", await client.ReceiveTextAsync());
        Assert.Equal("""c[1000,"Unsupported DDP version"]""", await client.ReceiveTextAsync());
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task AfterTwentyFiveSecondsWithoutOutput_TheServerSendsH()
    {
        await using var client = await factory.OpenAsync(Path);
        await client.ReceiveTextAsync();
        await client.SendAsync("""["{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\"]}"]""");
        await client.ReceiveTextAsync();

        factory.Time.Advance(TimeSpan.FromSeconds(26));

        Assert.Equal("h", await client.ReceiveTextAsync());
    }

    [Theory]
    [InlineData("/sockjs/12/abc/websocket")]
    [InlineData("/sockjs/abc/abc/websocket")]
    public async Task APathWithoutThreeDigits_IsNotServed(string path)
    {
        using var http = factory.CreateClient();
        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
