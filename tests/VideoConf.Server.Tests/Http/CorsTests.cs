using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Http;

/// <summary>§1 CORS, as Rocket.Chat: <c>API_Enable_CORS</c> and <c>API_CORS_Origin</c>, switched at run time.</summary>
public sealed class CorsTests
{
    public const string AllowedHeaders = "Origin, X-Requested-With, Content-Type, Accept, X-User-Id, X-Auth-Token, Authorization";

    private const string NotEnabledBody = """{"success":false,"error":"CORS not enabled. Go to \"Admin > General > REST Api\" to enable it."}""";
    private const string InvalidOriginBody = """{"success":false,"error":"Invalid origin"}""";

    [Fact]
    public async Task Preflight_WhenCorsIsDisabled_Returns405WithExactBody()
    {
        using var factory = new VideoConfFactory();

        var response = await factory.CreateApiClient().SendAsync(Preflight("/api/v1/me", "https://app.example.org"));

        response.AssertBody(HttpStatusCode.MethodNotAllowed, NotEnabledBody);
        ApiAssert.HasApiHeaders(response);
        Assert.Null(response.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Get_WhenCorsIsDisabled_CarriesNoCorsHeaders()
    {
        using var factory = new VideoConfFactory();

        var response = await factory.CreateApiClient().SendAsync(WithOrigin(HttpMethod.Get, "/api/v1/settings.public?count=1", "https://app.example.org"));

        response.AssertOk();
        Assert.Null(response.Header("Access-Control-Allow-Origin"));
        Assert.Null(response.Header("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task Preflight_AfterAdminEnablesCorsAtRunTime_Returns200WithCorsHeaders()
    {
        using var factory = new VideoConfFactory();
        var admin = await factory.LoginAdminAsync();
        var before = await factory.CreateApiClient().SendAsync(Preflight("/api/v1/me", "https://app.example.org"));

        await EnableCorsAsync(admin);
        var after = await factory.CreateApiClient().SendAsync(Preflight("/api/v1/me", "https://app.example.org"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, before.Status);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal("*", after.Header("Access-Control-Allow-Origin"));
        Assert.Equal(AllowedHeaders, after.Header("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task Responses_WhenCorsIsEnabled_CarryAllowOriginAndAllowHeaders()
    {
        using var factory = new VideoConfFactory();
        var admin = await factory.LoginAdminAsync();
        await EnableCorsAsync(admin);

        var success = await factory.CreateApiClient().SendAsync(WithOrigin(HttpMethod.Get, "/api/v1/settings.public?count=1", "https://app.example.org"));
        var unauthorized = await factory.CreateApiClient().SendAsync(WithOrigin(HttpMethod.Get, "/api/v1/me", "https://app.example.org"));
        var notFound = await factory.CreateApiClient().SendAsync(WithOrigin(HttpMethod.Get, "/api/v1/no.such.route", "https://app.example.org"));

        success.AssertOk();
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.Status);
        notFound.AssertBody(HttpStatusCode.NotFound, ApiBodies.NotFound);
        foreach (var response in new[] { success, unauthorized, notFound })
        {
            Assert.Equal("*", response.Header("Access-Control-Allow-Origin"));
            Assert.Equal(AllowedHeaders, response.Header("Access-Control-Allow-Headers"));
            ApiAssert.HasApiHeaders(response);
        }
    }

    [Fact]
    public async Task Preflight_WhenEnabledThroughStartupConfiguration_Returns200()
    {
        using var factory = new VideoConfFactory();
        factory.WithSetting("Settings:API_Enable_CORS", "true");

        var response = await factory.CreateApiClient().SendAsync(Preflight("/api/v1/login", "https://app.example.org"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("*", response.Header("Access-Control-Allow-Origin"));
        Assert.Equal(AllowedHeaders, response.Header("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task Preflight_FromOriginNotInTheList_Returns403InvalidOrigin()
    {
        using var factory = new VideoConfFactory();
        var admin = await factory.LoginAdminAsync();
        await EnableCorsAsync(admin, "https://a.example.org, https://b.example.org");

        var response = await factory.CreateApiClient().SendAsync(Preflight("/api/v1/me", "https://evil.example.org"));

        response.AssertBody(HttpStatusCode.Forbidden, InvalidOriginBody);
        ApiAssert.HasApiHeaders(response);
        Assert.Null(response.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Get_FromOriginNotInTheList_Returns403InvalidOrigin()
    {
        using var factory = new VideoConfFactory();
        var admin = await factory.LoginAdminAsync();
        await EnableCorsAsync(admin, "https://a.example.org,https://b.example.org");

        var response = await factory.CreateApiClient().SendAsync(WithOrigin(HttpMethod.Get, "/api/v1/settings.public", "https://a.example.org.evil.test"));

        response.AssertBody(HttpStatusCode.Forbidden, InvalidOriginBody);
    }

    [Fact]
    public async Task Preflight_FromListedOrigin_EchoesThatOrigin()
    {
        using var factory = new VideoConfFactory();
        var admin = await factory.LoginAdminAsync();
        await EnableCorsAsync(admin, "https://a.example.org, https://b.example.org");

        var response = await factory.CreateApiClient().SendAsync(Preflight("/api/v1/me", "https://b.example.org"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("https://b.example.org", response.Header("Access-Control-Allow-Origin"));
        Assert.Equal(AllowedHeaders, response.Header("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task Get_FromListedOrigin_EchoesThatOrigin()
    {
        using var factory = new VideoConfFactory();
        var admin = await factory.LoginAdminAsync();
        await EnableCorsAsync(admin, "https://a.example.org, https://b.example.org");

        var response = await factory.CreateApiClient().SendAsync(WithOrigin(HttpMethod.Get, "/api/v1/settings.public?count=1", "https://a.example.org"));

        response.AssertOk();
        Assert.Equal("https://a.example.org", response.Header("Access-Control-Allow-Origin"));
        Assert.Equal(AllowedHeaders, response.Header("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task Preflight_AfterAdminDisablesCorsAgain_Returns405()
    {
        using var factory = new VideoConfFactory();
        var admin = await factory.LoginAdminAsync();
        await EnableCorsAsync(admin);

        await admin.ChangeSettingAsync("API_Enable_CORS", false);
        var response = await factory.CreateApiClient().SendAsync(Preflight("/api/v1/me", "https://app.example.org"));

        response.AssertBody(HttpStatusCode.MethodNotAllowed, NotEnabledBody);
    }

    private static async Task EnableCorsAsync(ApiClient admin, string? origins = null)
    {
        if (origins is not null)
        {
            (await admin.PostAsync("settings/API_CORS_Origin", new { value = origins })).AssertBody(HttpStatusCode.OK, """{"success":true}""");
        }
        (await admin.PostAsync("settings/API_Enable_CORS", new { value = true })).AssertBody(HttpStatusCode.OK, """{"success":true}""");
    }

    private static HttpRequestMessage Preflight(string path, string origin)
    {
        var request = WithOrigin(HttpMethod.Options, path, origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "x-user-id, x-auth-token");
        return request;
    }

    private static HttpRequestMessage WithOrigin(HttpMethod method, string path, string origin)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        return request;
    }
}
