using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VideoConf.Server.Realtime.Methods;
using VideoConf.Server.Realtime.Sessions;

namespace VideoConf.Server.Tests.Realtime;

/// <summary>A method that fails answers Meteor's 500 without details; the details go to the log (contract §9.2).</summary>
public sealed class MethodFaultTests(MethodFaultTests.FaultyServer factory) : IClassFixture<MethodFaultTests.FaultyServer>
{
    [Fact]
    public async Task AMethodThatThrows_AnswersInternalServerError_AndTheConnectionGoesOn()
    {
        await using var client = await factory.ConnectAsync();

        var answer = await client.CallAsync("test.explode");

        Assert.Equal(
            """{"isClientSafe":true,"error":500,"reason":"Internal server error","message":"Internal server error [500]","errorType":"Meteor.Error"}""",
            answer["error"]!.ToJsonString());
        Assert.DoesNotContain("secret detail", answer.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(factory.Logs.Lines, line => line.Contains("test.explode", StringComparison.Ordinal) && line.Contains("secret detail", StringComparison.Ordinal));
        await client.SendAsync("""{"msg":"ping","id":"after"}""");
        Assert.Equal("""{"msg":"pong","id":"after"}""", await client.ReceiveTextAsync());
    }

    /// <summary>The server with one extra method that always throws.</summary>
    public sealed class FaultyServer : RealtimeFactory
    {
        protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IDdpMethod, ExplodingMethod>();
    }

    private sealed class ExplodingMethod : IDdpMethod
    {
        public string Name => "test.explode";

        public Task<MethodResult> InvokeAsync(DdpSession session, JsonElement parameters, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("secret detail");
    }
}
