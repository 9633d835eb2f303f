using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Http;

/// <summary>§1.1: an unexpected exception is a logged 500 with no details; an unreachable store is a 503.</summary>
public sealed class FaultHandlingTests(FaultInjectionFactory factory) : IClassFixture<FaultInjectionFactory>
{
    [Fact]
    public async Task UnexpectedException_OnAnonymousRoute_Returns500WithoutDetails()
    {
        var secret = $"kaboom {Guid.NewGuid():N} at C:\\secret\\path";

        var response = await SendFaultAsync(factory.CreateApiClient(), HttpMethod.Get, "settings.public", "unexpected", secret);

        response.AssertBody(HttpStatusCode.InternalServerError, ApiBodies.InternalError);
        ApiAssert.HasApiHeaders(response);
        Assert.DoesNotContain(secret, response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers.Concat(response.ContentHeaders), h => h.Value.Any(v => v.Contains("kaboom", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task UnexpectedException_IsLoggedAsErrorWithItsMessage()
    {
        var secret = $"logged-fault-{Guid.NewGuid():N}";

        var response = await SendFaultAsync(factory.CreateApiClient(), HttpMethod.Get, "settings.public", "unexpected", secret);

        Assert.Equal(HttpStatusCode.InternalServerError, response.Status);
        var line = Assert.Single(factory.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        Assert.StartsWith("Error ", line, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnexpectedException_OnAuthenticatedPost_Returns500WithoutDetails()
    {
        var admin = await factory.LoginAdminAsync();
        var secret = $"post-fault-{Guid.NewGuid():N}";

        var response = await SendFaultAsync(admin, HttpMethod.Post, "channels.create", "unexpected", secret, """{"name":"fault-room"}""");

        response.AssertBody(HttpStatusCode.InternalServerError, ApiBodies.InternalError);
        Assert.DoesNotContain(secret, response.Text, StringComparison.Ordinal);
        Assert.Contains(factory.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        (await admin.GetAsync("rooms.info?roomName=fault-room")).AssertBody(HttpStatusCode.BadRequest, ApiBodies.RoomNotAllowed);
    }

    [Fact]
    public async Task StoreUnavailable_Returns503Envelope()
    {
        var secret = $"store-down-{Guid.NewGuid():N}";

        var response = await SendFaultAsync(factory.CreateApiClient(), HttpMethod.Get, "settings.public", "store", secret);

        response.AssertBody(HttpStatusCode.ServiceUnavailable, ApiBodies.ServiceUnavailable);
        ApiAssert.HasApiHeaders(response);
        Assert.DoesNotContain(secret, response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreUnavailable_OnAuthenticatedRoute_Returns503Envelope()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await SendFaultAsync(admin, HttpMethod.Get, "me", "store", "database is locked");

        response.AssertBody(HttpStatusCode.ServiceUnavailable, ApiBodies.ServiceUnavailable);
    }

    [Fact]
    public async Task Request_WithoutFault_IsServedNormallyByTheSameServer()
    {
        var response = await factory.CreateApiClient().GetAsync("settings.public?_id=API_Enable_CORS");

        response.AssertBody(HttpStatusCode.OK,
            """{"settings":[{"_id":"API_Enable_CORS","value":false}],"count":1,"offset":0,"total":1,"success":true}""");
    }

    [Fact]
    public async Task UnexpectedException_WhenCorsIsEnabled_StillCarriesCorsHeaders()
    {
        using var corsFactory = new FaultInjectionFactory();
        corsFactory.WithSetting("Settings:API_Enable_CORS", "true");

        var response = await SendFaultAsync(corsFactory.CreateApiClient(), HttpMethod.Get, "settings.public", "unexpected", "cors-fault");

        response.AssertBody(HttpStatusCode.InternalServerError, ApiBodies.InternalError);
        Assert.Equal("*", response.Header("Access-Control-Allow-Origin"));
        Assert.Equal(CorsTests.AllowedHeaders, response.Header("Access-Control-Allow-Headers"));
    }

    private static Task<ApiResponse> SendFaultAsync(ApiClient client, HttpMethod method, string route, string fault, string message, string? json = null)
    {
        var request = new HttpRequestMessage(method, $"/api/v1/{route}");
        request.Headers.Add(FaultGate.FaultHeader, fault);
        request.Headers.Add(FaultGate.MessageHeader, message);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }
        return client.SendAsync(request);
    }
}
