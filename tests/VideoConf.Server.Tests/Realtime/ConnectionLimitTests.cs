using System.Net.WebSockets;
using System.Text;

namespace VideoConf.Server.Tests.Realtime;

/// <summary>What bounds a connection (contract §9, §9.1, §9.2; quality R11): deadlines, heartbeats, frame size, a reader that never reads.</summary>
public sealed class ConnectionLimitTests(RealtimeFactory factory) : IClassFixture<RealtimeFactory>
{
    [Fact]
    public async Task AConnectionThatNeverSendsConnect_IsClosedAfterTenSeconds()
    {
        await using var client = await factory.OpenAsync();
        Assert.True(await client.IsQuietForAsync(TimeSpan.FromMilliseconds(300)));

        factory.Time.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task ASilentConnection_IsPingedAfterThirtySeconds_AndClosedThirtySecondsLater()
    {
        await using var client = await factory.ConnectAsync();

        factory.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("""{"msg":"ping"}""", await client.ReceiveTextAsync());
        factory.Time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task AnsweringThePing_KeepsTheConnectionOpen()
    {
        await using var client = await factory.ConnectAsync();
        factory.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("""{"msg":"ping"}""", await client.ReceiveTextAsync());

        await client.SendAsync("""{"msg":"pong"}""");
        await client.SendAsync("""{"msg":"ping","id":"sync"}""");
        Assert.Equal("""{"msg":"pong","id":"sync"}""", await client.ReceiveTextAsync());
        factory.Time.Advance(TimeSpan.FromSeconds(20));

        await client.SendAsync("""{"msg":"ping","id":"alive"}""");
        Assert.Equal("""{"msg":"pong","id":"alive"}""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task StoppingTheServer_ClosesItsConnectionsWith1001()
    {
        var server = new RealtimeFactory();
        await using var client = await server.ConnectAsync();
        var closed = client.WaitForCloseAsync();

        await server.DisposeAsync();

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await closed);
    }

    [Fact]
    public async Task AFrameOverSixtyFourKilobytes_ClosesTheConnectionWith1009()
    {
        await using var client = await factory.ConnectAsync();
        var oversized = $$"""{"msg":"ping","id":"{{new string('x', 64 * 1024)}}"}""";

        await client.SendAsync(oversized);

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task AFrameJustUnderTheLimit_IsServed()
    {
        await using var client = await factory.ConnectAsync();
        var id = new string('y', (64 * 1024) - 40);

        await client.SendAsync($$"""{"msg":"ping","id":"{{id}}"}""");

        Assert.Equal($$"""{"msg":"pong","id":"{{id}}"}""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task ThousandsOfGarbageFrames_AreEachAParseError_AndTheConnectionStillAnswers()
    {
        await using var client = await factory.ConnectAsync();
        var random = new Random(14);
        const int frames = 2_000;
        for (var i = 0; i < frames; i++)
        {
            var garbage = new byte[random.Next(1, 200)];
            random.NextBytes(garbage);
            // Text frames must be UTF-8 (the WebSocket layer closes otherwise), so garbage text is ASCII noise.
            await client.SendAsync(Encoding.ASCII.GetString(garbage.Select(b => (byte)(33 + (b % 90))).ToArray()));
        }
        await client.SendAsync("""{"msg":"ping","id":"after-garbage"}""");

        var parseErrors = 0;
        while (await client.ReceiveTextAsync() is { } text && text != """{"msg":"pong","id":"after-garbage"}""")
        {
            parseErrors += text == """{"msg":"error","reason":"Parse error"}""" ? 1 : 0;
        }
        Assert.InRange(parseErrors, frames * 9 / 10, frames);
    }

    [Fact]
    public async Task AReaderThatNeverReads_IsClosedWith1013_OnceFourMebibytesWaitForIt()
    {
        await using var client = await factory.ConnectAsync();
        var id = new string('z', 60 * 1024);
        var ping = Encoding.UTF8.GetBytes($$"""{"msg":"ping","id":"{{id}}"}""");

        // 40 MB of pongs: more than the socket buffers of both ends and the 4 MiB the server keeps for one reader.
        for (var i = 0; i < 700; i++)
        {
            await client.SendAsync(ping, WebSocketMessageType.Text);
        }

        var pongs = 0;
        while (await client.ReceiveTextAsync() is not null)
        {
            pongs++;
        }
        Assert.Equal((WebSocketCloseStatus)1013, client.CloseStatus);
        Assert.InRange(pongs, 1, 699);
    }
}
