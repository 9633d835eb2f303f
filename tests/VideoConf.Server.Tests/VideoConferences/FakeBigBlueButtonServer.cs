using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary>
/// A minimal BigBlueButton API on a free 127.0.0.1 port: <c>create</c> answers SUCCESS only when its checksum is
/// <c>sha1("create" + query + secret)</c>, and every request's query is kept for assertions.
/// </summary>
internal sealed class FakeBigBlueButtonServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeBigBlueButtonServer(WebApplication app, string secret)
    {
        _app = app;
        Secret = secret;
    }

    public string Secret { get; }

    /// <summary>The server URL as the setting takes it, ending with a slash.</summary>
    public string ServerUrl { get; private set; } = string.Empty;

    /// <summary>Raw query strings (without the leading <c>?</c>) of the <c>create</c> requests received.</summary>
    public ConcurrentQueue<string> CreateQueries { get; } = new();

    /// <summary>When false, <c>create</c> answers FAILED even with a valid checksum.</summary>
    public bool Accepting { get; set; } = true;

    /// <summary>When true, <c>create</c> never answers (until the client gives up).</summary>
    public bool Hanging { get; set; }

    public static async Task<FakeBigBlueButtonServer> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "FakeBigBlueButton" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeBigBlueButtonServer(app, secret);
        app.MapGet("/bigbluebutton/api/create", (Func<HttpContext, Task<IResult>>)server.Create);
        await app.StartAsync();
        server.ServerUrl = app.Urls.Single().TrimEnd('/') + "/bigbluebutton/";
        return server;
    }

    private async Task<IResult> Create(HttpContext context)
    {
        var query = (context.Request.QueryString.Value ?? string.Empty).TrimStart('?');
        CreateQueries.Enqueue(query);
        if (Hanging)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        var at = query.LastIndexOf("&checksum=", StringComparison.Ordinal);
        var valid = at > 0 && query[(at + "&checksum=".Length)..] == Sha1Hex("create" + query[..at] + Secret);
        var code = valid && Accepting ? "SUCCESS" : "FAILED";
        return Results.Text($"<response><returncode>{code}</returncode></response>", "text/xml");
    }

    public static string Sha1Hex(string text) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
