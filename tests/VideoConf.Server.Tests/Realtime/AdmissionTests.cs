using System.Net;
using System.Net.WebSockets;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Realtime;

/// <summary>What is checked before the upgrade (contract §9, §9.2): the origin rule shared with REST's CORS, and the connection cap.</summary>
public sealed class AdmissionTests(AdmissionTests.TwoConnectionServer factory) : IClassFixture<AdmissionTests.TwoConnectionServer>
{
    [Fact]
    public async Task PastRealtimeMaxConnections_TheUpgradeIsRefusedWith503Json()
    {
        await using var first = await factory.ConnectAsync();
        await using var second = await factory.ConnectAsync();

        var (status, body) = await TryUpgradeAsync(origin: null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("""{"success":false,"error":"Service Unavailable"}""", body);
    }

    [Fact]
    public async Task AClosedConnection_FreesItsPlace()
    {
        await using (var first = await factory.ConnectAsync())
        {
            await using var second = await factory.ConnectAsync();
        }

        await WaitUntilAcceptedAsync();
    }

    [Fact]
    public async Task WithCorsOff_AnyOriginMayConnect()
    {
        await using var client = await factory.OpenAsync(origin: "https://anywhere.example");
        await client.ConnectAsync();
    }

    [Fact]
    public async Task WithCorsOn_AnOriginNotListed_IsRefusedWith403BeforeTheUpgrade()
    {
        await factory.ChangeSettingAsync("API_CORS_Origin", "https://chat.example.org");
        await factory.ChangeSettingAsync("API_Enable_CORS", true);
        try
        {
            var (status, body) = await TryUpgradeAsync("https://evil.example");
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal("""{"success":false,"error":"Invalid origin"}""", body);

            await using var listed = await factory.OpenAsync(origin: "https://CHAT.example.org");
            await listed.ConnectAsync();
        }
        finally
        {
            await factory.ChangeSettingAsync("API_Enable_CORS", false);
            await factory.ChangeSettingAsync("API_CORS_Origin", "*");
        }
    }

    private async Task<(HttpStatusCode Status, string Body)> TryUpgradeAsync(string? origin)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }
        var uri = new UriBuilder(factory.BaseAddress) { Scheme = "ws", Path = "/websocket" }.Uri;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, CancellationToken.None));
        // The refusal's body is not kept by ClientWebSocket: ask again over plain HTTP with the same upgrade headers.
        using var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/websocket");
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new System.Net.Http.Headers.ProductHeaderValue("websocket"));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        using var response = await http.SendAsync(request);
        Assert.Equal(socket.HttpStatusCode, response.StatusCode);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task WaitUntilAcceptedAsync()
    {
        var deadline = DateTime.UtcNow + DdpTestClient.MaxWait;
        while (true)
        {
            try
            {
                await using var client = await factory.ConnectAsync();
                return;
            }
            catch (WebSocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>A server that accepts two realtime connections at most.</summary>
    public sealed class TwoConnectionServer : RealtimeFactory
    {
        public TwoConnectionServer() => WithSetting("Realtime:MaxConnections", "2");
    }
}
