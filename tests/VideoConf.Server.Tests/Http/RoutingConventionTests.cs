using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Http;

/// <summary>§1: unknown routes and wrong methods, the headers of every response, and the success envelope.</summary>
public sealed class RoutingConventionTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Theory]
    [InlineData("GET", "/api/v1/no.such.route")]
    [InlineData("POST", "/api/v1/no.such.route")]
    [InlineData("GET", "/api/v2/me")]
    [InlineData("GET", "/api/v1")]
    [InlineData("GET", "/api/nothing")]
    public async Task UnknownRoute_AsAnonymous_ReturnsJson404(string method, string path)
    {
        var response = await factory.CreateApiClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        response.AssertBody(HttpStatusCode.NotFound, ApiBodies.NotFound);
        ApiAssert.HasApiHeaders(response);
    }

    [Theory]
    [InlineData("GET", "/api/v1/channels.create")]
    [InlineData("POST", "/api/v1/me")]
    [InlineData("PUT", "/api/v1/settings.public")]
    [InlineData("DELETE", "/api/v1/login")]
    [InlineData("PATCH", "/api/v1/users.info")]
    [InlineData("POST", "/api/info")]
    [InlineData("DELETE", "/api/v1/settings/API_Enable_CORS")]
    public async Task KnownRoute_WithWrongMethod_ReturnsJson404(string method, string path)
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        response.AssertBody(HttpStatusCode.NotFound, ApiBodies.NotFound);
        ApiAssert.HasApiHeaders(response);
    }

    [Fact]
    public async Task KnownRoute_WithWrongMethodAndNoCredentials_Returns404NotUnauthorized()
    {
        var response = await factory.CreateApiClient().PostAsync("me", new { });

        response.AssertBody(HttpStatusCode.NotFound, ApiBodies.NotFound);
    }

    [Fact]
    public async Task Me_AsAdmin_AnswersSuccessEnvelopeWithApiHeaders()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.GetAsync("me");

        ApiAssert.IsSuccessEnvelope(response);
        ApiAssert.HasApiHeaders(response);
        Assert.Equal("admin", response.Json["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_AsAdmin_PutsSuccessAfterStatusAndData()
    {
        var response = await factory.CreateApiClient().PostAsync("login", new { user = TestAccounts.AdminUsername, password = TestAccounts.AdminPassword });

        ApiAssert.IsSuccessEnvelope(response);
        ApiAssert.HasApiHeaders(response);
        Assert.Equal(["status", "data", "success"], ApiAssert.Keys(response.Json));
    }

    [Fact]
    public async Task SettingsPublic_AsAnonymous_ListsItemsThenCountOffsetTotalThenSuccess()
    {
        var response = await factory.CreateApiClient().GetAsync("settings.public");

        ApiAssert.IsSuccessEnvelope(response);
        ApiAssert.HasApiHeaders(response);
        // §7: this endpoint answers settings, count, offset, total, unlike the other lists (§5).
        Assert.Equal(["settings", "count", "offset", "total", "success"], ApiAssert.Keys(response.Json));
    }

    [Fact]
    public async Task ChangeSetting_AsAdmin_ReturnsOnlySuccess()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("settings/Custom_Provider_Label", new { value = "Custom" });

        response.AssertBody(HttpStatusCode.OK, """{"success":true}""");
        ApiAssert.HasApiHeaders(response);
    }

    [Fact]
    public async Task Me_WithoutCredentials_Returns401WithApiHeaders()
    {
        var response = await factory.CreateApiClient().GetAsync("me");

        response.AssertNotLoggedIn();
        ApiAssert.HasApiHeaders(response);
    }

    [Fact]
    public async Task SettingsPublic_WithInvalidCount_AnswersWithApiHeaders()
    {
        var response = await factory.CreateApiClient().GetAsync("settings.public?count=abc");

        response.AssertInvalidParams("must be number");
        ApiAssert.HasApiHeaders(response);
    }

    [Fact]
    public async Task GetSetting_AsNonAdmin_AnswersForbiddenWithApiHeaders()
    {
        var user = await factory.CreateUserAsync("routing.plain.user");

        var response = await user.GetAsync("settings/API_Enable_CORS");

        response.AssertForbidden();
        ApiAssert.HasApiHeaders(response);
    }
}
