using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace VideoConf.Server.Tests.Realtime;

/// <summary>The DDP session protocol of the contract (contract §9.1), frame by frame over a real WebSocket.</summary>
public sealed class DdpProtocolTests(RealtimeFactory factory) : IClassFixture<RealtimeFactory>
{
    [Fact]
    public async Task Connect_WithVersionOne_AnswersConnectedWithASeventeenCharacterSession()
    {
        await using var client = await factory.OpenAsync();
        await client.SendAsync("""{"msg":"connect","version":"1","support":["1","pre2","pre1"]}""");

        var connected = await client.ReceiveAsync();

        Assert.Equal(["msg", "session"], connected.Select(p => p.Key));
        Assert.Equal("connected", connected["msg"]!.GetValue<string>());
        Assert.Matches("^[23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz]{17}$", connected["session"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"msg":"connect","version":"pre2","support":["pre2","pre1"]}""")]
    [InlineData("""{"msg":"connect","version":"2","support":["2"]}""")]
    [InlineData("""{"msg":"connect","version":"1"}""")]
    public async Task Connect_WithAVersionTheServerDoesNotSpeak_AnswersFailedAndCloses(string connect)
    {
        await using var client = await factory.OpenAsync();
        await client.SendAsync(connect);

        Assert.Equal("""{"msg":"failed","version":"1"}""", await client.ReceiveTextAsync());
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await client.WaitForCloseAsync());
    }

    [Theory]
    [InlineData("""{"msg":"ping"}""")]
    [InlineData("""{"msg":"method","method":"login","params":[],"id":"1"}""")]
    [InlineData("""{"msg":"sub","id":"1","name":"stream-notify-user","params":[]}""")]
    public async Task AnyMessageBeforeConnect_IsAnsweredMustConnectFirst_AndTheConnectionStaysOpen(string message)
    {
        await using var client = await factory.OpenAsync();
        await client.SendAsync(message);

        Assert.Equal("""{"msg":"error","reason":"Must connect first"}""", await client.ReceiveTextAsync());
        await client.ConnectAsync();
    }

    [Fact]
    public async Task ASecondConnect_IsAnsweredAlreadyConnected()
    {
        await using var client = await factory.ConnectAsync();
        await client.SendAsync("""{"msg":"connect","version":"1","support":["1"]}""");

        Assert.Equal("""{"msg":"error","reason":"Already connected"}""", await client.ReceiveTextAsync());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("\"connect\"")]
    [InlineData("42")]
    [InlineData("{\"msg\":")]
    public async Task AFrameThatIsNotAJsonObject_IsAParseError_AndTheConnectionStaysOpen(string frame)
    {
        await using var client = await factory.ConnectAsync();
        await client.SendAsync(frame);

        Assert.Equal("""{"msg":"error","reason":"Parse error"}""", await client.ReceiveTextAsync());
        await client.SendAsync("""{"msg":"ping","id":"still-here"}""");
        Assert.Equal("""{"msg":"pong","id":"still-here"}""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task ABinaryFrameThatIsNotUtf8_IsAParseError()
    {
        await using var client = await factory.ConnectAsync();
        await client.SendAsync([0xff, 0xfe, 0x7b], WebSocketMessageType.Binary);

        Assert.Equal("""{"msg":"error","reason":"Parse error"}""", await client.ReceiveTextAsync());
    }

    [Theory]
    [InlineData("""{"msg":"subscribe","id":"1"}""")]
    [InlineData("""{"id":"1"}""")]
    [InlineData("""{"msg":42}""")]
    public async Task AnObjectWithoutAKnownMsg_IsABadRequestThatQuotesIt(string message)
    {
        await using var client = await factory.ConnectAsync();
        await client.SendAsync(message);

        var error = await client.ReceiveAsync();
        Assert.Equal(
            new JsonObject { ["msg"] = "error", ["reason"] = "Bad request", ["offendingMessage"] = JsonNode.Parse(message) }.ToJsonString(),
            error.ToJsonString());
    }

    [Fact]
    public async Task Ping_WithAnId_IsAnsweredWithTheSameId()
    {
        await using var client = await factory.ConnectAsync();
        await client.SendAsync("""{"msg":"ping","id":"abc-123"}""");

        Assert.Equal("""{"msg":"pong","id":"abc-123"}""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task Ping_WithoutAnId_IsAnsweredWithoutOne()
    {
        await using var client = await factory.ConnectAsync();
        await client.SendAsync("""{"msg":"ping"}""");

        Assert.Equal("""{"msg":"pong"}""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task AnUnknownMethod_AnswersMeteorsNotFoundError_ThenUpdated()
    {
        await using var client = await factory.ConnectAsync();
        await client.SendAsync("""{"msg":"method","method":"no.such.method","params":[],"id":"7"}""");

        Assert.Equal(
            """{"msg":"result","id":"7","error":{"isClientSafe":true,"error":404,"reason":"Method 'no.such.method' not found","message":"Method 'no.such.method' not found [404]","errorType":"Meteor.Error"}}""",
            await client.ReceiveTextAsync());
        Assert.Equal("""{"msg":"updated","methods":["7"]}""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task AMethodWithoutAnId_IsAMalformedInvocation()
    {
        await using var client = await factory.ConnectAsync();
        await client.SendAsync("""{"msg":"method","method":"login","params":[]}""");

        Assert.Equal(
            """{"msg":"error","reason":"Malformed method invocation","offendingMessage":{"msg":"method","method":"login","params":[]}}""",
            await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task AnUnknownSubscription_AnswersNosubWithNotFound()
    {
        await using var client = await factory.ConnectAsync();
        await client.SendAsync("""{"msg":"sub","id":"s1","name":"stream-unknown","params":["x",false]}""");

        Assert.Equal(
            """{"msg":"nosub","id":"s1","error":{"isClientSafe":true,"error":404,"reason":"Subscription 'stream-unknown' not found","message":"Subscription 'stream-unknown' not found [404]","errorType":"Meteor.Error"}}""",
            await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task Unsub_IsAnsweredWithNosub_EvenForAnIdThatWasNeverLive()
    {
        await using var client = await factory.ConnectAsync();
        await client.SendAsync("""{"msg":"unsub","id":"never"}""");

        Assert.Equal("""{"msg":"nosub","id":"never"}""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task Pong_FromTheClient_IsNotAnswered()
    {
        await using var client = await factory.ConnectAsync();
        await client.SendAsync("""{"msg":"pong"}""");
        await client.SendAsync("""{"msg":"ping","id":"after"}""");

        Assert.Equal("""{"msg":"pong","id":"after"}""", await client.ReceiveTextAsync());
    }

    [Fact]
    public async Task ANonWebSocketRequest_IsRefusedWithJson()
    {
        using var http = factory.CreateClient();
        using var response = await http.GetAsync("/websocket");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"success":false,"error":"Not a WebSocket request"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SeveralMessagesInARow_AreAnsweredInOrder()
    {
        await using var client = await factory.ConnectAsync();
        var pings = Enumerable.Range(0, 20).Select(i => $$"""{"msg":"ping","id":"{{i}}"}""");
        foreach (var ping in pings)
        {
            await client.SendAsync(ping);
        }
        var answers = new StringBuilder();
        for (var i = 0; i < 20; i++)
        {
            answers.Append(await client.ReceiveTextAsync());
        }

        Assert.Equal(string.Concat(Enumerable.Range(0, 20).Select(i => $$"""{"msg":"pong","id":"{{i}}"}""")), answers.ToString());
    }
}
