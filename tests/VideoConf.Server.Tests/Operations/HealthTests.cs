using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Operations;

/// <summary>§8: liveness and readiness.</summary>
public sealed class HealthTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WhenTheStoreAnswers_IsHealthy(string path)
    {
        var response = await factory.CreateApiClient().GetAsync(path);

        response.AssertBody(HttpStatusCode.OK, """{"status":"Healthy"}""");
        Assert.Equal("application/json", response.ContentHeaders.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_WithInvalidCredentials_IsStillHealthy()
    {
        var client = factory.CreateApiClient().As("NoSuchUserId12345", "not-a-token");

        var response = await client.GetAsync("/health/ready");

        response.AssertBody(HttpStatusCode.OK, """{"status":"Healthy"}""");
    }
}
