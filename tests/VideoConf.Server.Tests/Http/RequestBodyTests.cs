using System.Net;
using System.Net.Http.Headers;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Http;

/// <summary>§1 and §1.1: how POST bodies are read — empty, not JSON, or not an object (the size limit: <see cref="BodyLimitTests{TFactory}"/>).</summary>
public sealed class RequestBodyTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Theory]
    [InlineData("{\"name\":")]
    [InlineData("{name:\"x\"}")]
    [InlineData("{\"name\":\"x\",}")]
    [InlineData("{\"name\":\"x\"} trailing")]
    [InlineData("{\"name\":\"x\"}}")]
    [InlineData("{'name':'x'}")]
    [InlineData("not json at all")]
    public async Task Create_WithBodyThatIsNotJson_ReturnsInvalidJsonBody(string body)
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.create", body);

        response.AssertBody(HttpStatusCode.BadRequest, ApiBodies.InvalidJson);
        ApiAssert.HasApiHeaders(response);
    }

    [Fact]
    public async Task Create_WithInvalidJsonAndNoCredentials_ChecksAuthenticationFirst()
    {
        var response = await factory.CreateApiClient().PostAsync("channels.create", "{\"name\":");

        response.AssertNotLoggedIn();
    }

    [Fact]
    public async Task Login_WithBodyThatIsNotJson_ReturnsInvalidJsonBody()
    {
        var response = await factory.CreateApiClient().PostAsync("login", "{\"user\":\"admin\",");

        response.AssertBody(HttpStatusCode.BadRequest, ApiBodies.InvalidJson);
    }

    [Fact]
    public async Task Create_WithEmptyBody_ValidatesItAsEmptyObject()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.create");

        response.AssertInvalidParams("must have required property 'name'");
    }

    [Fact]
    public async Task Create_WithNoContentAtAll_ValidatesItAsEmptyObject()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/channels.create"));

        response.AssertInvalidParams("must have required property 'name'");
    }

    [Fact]
    public async Task CreateToken_WithEmptyBody_ReportsItsOwnRequiredProperty()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("users.generatePersonalAccessToken");

        response.AssertInvalidParams("must have required property 'tokenName'");
    }

    [Fact]
    public async Task Login_WithFormBody_IsAccepted()
    {
        using var content = new FormUrlEncodedContent(
        [
            new KeyValuePair<string, string>("user", TestAccounts.AdminUsername),
            new KeyValuePair<string, string>("password", TestAccounts.AdminPassword),
        ]);

        var response = await factory.CreateApiClient().PostRawAsync("login", content);

        response.AssertOk();
        Assert.Equal("success", response.Json["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"name\":\"array-room\"}]")]
    [InlineData("\"name\"")]
    [InlineData("\"\"")]
    public async Task Create_WithJsonThatIsNotAnObject_ReturnsMustBeObject(string body)
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.create", body);

        response.AssertInvalidParams("must be object");
    }

    [Fact]
    public async Task Create_WithDuplicateKey_TakesTheLastValueAsJavaScriptDoes()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.create", """{"name":"dup-first","name":"dup-second"}""");

        response.AssertOk();
        Assert.Equal("dup-second", response.Json["channel"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithInvalidUtf8InAValue_ReturnsInvalidJsonBody()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostRawAsync("channels.create", JsonBytes("{\"name\":\"bad"u8, [0xFF], "\"}"u8));

        response.AssertBody(HttpStatusCode.BadRequest, ApiBodies.InvalidJson);
    }

    [Fact]
    public async Task Create_WithInvalidUtf8InAKey_ReturnsInvalidJsonBody()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostRawAsync("channels.create", JsonBytes("{\"name\":\"utf8-key\",\"na"u8, [0xC3, 0x28], "\":1}"u8));

        response.AssertBody(HttpStatusCode.BadRequest, ApiBodies.InvalidJson);
    }

    [Fact]
    public async Task Create_WithLoneSurrogateEscape_AnswersAClientErrorNotAFault()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.create", """{"name":"\ud800"}""");

        Assert.True(response.Status == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.Status}: {response.Text}");
        Assert.False(response.Json["success"]!.GetValue<bool>());
    }

    private static ByteArrayContent JsonBytes(ReadOnlySpan<byte> head, ReadOnlySpan<byte> middle, ReadOnlySpan<byte> tail)
    {
        var content = new ByteArrayContent([.. head, .. middle, .. tail]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
