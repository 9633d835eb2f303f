using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Operations;

/// <summary>
/// The server as operators run it, its own process started from a working directory that is not the program's: it
/// reads <c>appsettings.json</c> from beside the program, keeps the SQLite file in the working directory, and answers
/// HEAD on its GET routes as GET without a body.
/// </summary>
public sealed class ProcessLayoutTests : IAsyncLifetime
{
    private readonly TestDirectory _workingDirectory = TestDirectory.Create();
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        // No store configured: the default file name, relative to the working directory. Information for everything
        // that appsettings.json does not quiet down.
        var environment = ServerEnvironment.Defaults();
        environment["Logging__LogLevel__Default"] = "Information";
        _server = await ServerProcess.StartAsync(environment, _workingDirectory.Path);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workingDirectory.Dispose();
    }

    [Fact]
    public async Task StartedFromAnotherDirectory_ReadsAppSettingsBesideTheProgram_AndKeepsTheStoreInTheWorkingDirectory()
    {
        (await _server.CreateApiClient().GetAsync("/api/info")).AssertOk();

        Assert.True(File.Exists(_workingDirectory.File("videoconf.db")), "no videoconf.db in the working directory");
        // appsettings.json sets Microsoft.AspNetCore to Warning: without it, every request logs "Request starting".
        Assert.Contains("Now listening on", _server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Request starting", _server.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/info", false, HttpStatusCode.OK)]
    [InlineData("/api/v1/me", true, HttpStatusCode.OK)]
    [InlineData("/api/v1/me", false, HttpStatusCode.Unauthorized)]
    [InlineData("/api/v1/settings.public?_id=API_Default_Count", false, HttpStatusCode.OK)]
    [InlineData("/api/v1/video-conference.list?roomId=nowhere", true, HttpStatusCode.BadRequest)]
    public async Task Head_OnAGetRoute_AnswersAsGetWithoutABody(string target, bool signedIn, HttpStatusCode status)
    {
        using var http = _server.CreateHttpClient();
        if (signedIn)
        {
            var admin = await _server.LoginAdminAsync();
            http.DefaultRequestHeaders.Add("X-User-Id", admin.UserId);
            http.DefaultRequestHeaders.Add("X-Auth-Token", admin.AuthToken);
        }
        using var get = await http.GetAsync(target);
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, target));

        Assert.Equal(status, get.StatusCode);
        Assert.Equal(status, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.True(head.Headers.CacheControl?.NoStore, "HEAD lacks Cache-Control: no-store");
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_OnAPostRoute_IsNotFound()
    {
        using var http = _server.CreateHttpClient();

        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/login"));

        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }
}
