using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests;

public sealed class SmokeTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Me_AfterAdminLogin_ReturnsTheAdmin()
    {
        var admin = await factory.LoginAdminAsync();
        var me = await admin.GetAsync("me");
        me.AssertOk();
        Assert.Equal("admin", me.Json["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Me_WithoutCredentials_Returns401Envelope()
    {
        var response = await factory.CreateApiClient().GetAsync("me");
        response.AssertNotLoggedIn();
    }
}
