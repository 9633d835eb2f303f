using System.Net;
using VideoConf.Server.Operations;
using VideoConf.Server.Tests.Http;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Operations;

/// <summary>§8: <c>GET /api/info</c>.</summary>
public sealed class InfoTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Info_AsAnonymous_ReturnsOnlyTheApiLevel()
    {
        var response = await factory.CreateApiClient().GetAsync("/api/info");

        response.AssertBody(HttpStatusCode.OK, """{"version":"8.0","success":true}""");
        ApiAssert.HasApiHeaders(response);
    }

    [Fact]
    public async Task Info_AsAdmin_AddsVideoConfVersion()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.GetAsync("/api/info");

        Assert.Matches(@"^\d+\.\d+\.\d+", InfoEndpoints.ServerVersion);
        response.AssertBody(HttpStatusCode.OK, $$"""{"version":"8.0","videoconf":{"version":"{{InfoEndpoints.ServerVersion}}"},"success":true}""");
    }

    [Fact]
    public async Task Info_AsUserWithoutAdminRole_ReturnsOnlyTheApiLevel()
    {
        var user = await factory.CreateUserAsync("info.plain.user");

        var response = await user.GetAsync("/api/info");

        response.AssertBody(HttpStatusCode.OK, """{"version":"8.0","success":true}""");
    }

    [Fact]
    public async Task Info_WithInvalidCredentials_TreatsTheCallerAsAnonymous()
    {
        var client = factory.CreateApiClient().As("NoSuchUserId12345", "not-a-token");

        var response = await client.GetAsync("/api/info");

        response.AssertBody(HttpStatusCode.OK, """{"version":"8.0","success":true}""");
    }

    [Fact]
    public async Task Info_WithAdminIdButWrongToken_DoesNotRevealTheVersion()
    {
        var admin = await factory.LoginAdminAsync();
        var forged = factory.CreateApiClient().As(admin.UserId!, "forged-token");

        var response = await forged.GetAsync("/api/info");

        response.AssertBody(HttpStatusCode.OK, """{"version":"8.0","success":true}""");
    }
}
