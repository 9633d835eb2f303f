using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Accounts;

/// <summary>Authentication by <c>X-User-Id</c>/<c>X-Auth-Token</c> (contract §1.1) and <c>logout</c> (§2).</summary>
public sealed class SessionTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Theory]
    [InlineData("GET", "me")]
    [InlineData("GET", "users.info?username=admin")]
    [InlineData("POST", "users.create")]
    [InlineData("POST", "users.generatePersonalAccessToken")]
    [InlineData("POST", "logout")]
    [InlineData("GET", "logout")]
    public async Task AuthenticatedRoute_WithoutHeaders_Returns401(string method, string route)
    {
        var client = factory.CreateApiClient();

        var response = method == "GET" ? await client.GetAsync(route) : await client.PostAsync(route, new { });

        response.AssertNotLoggedIn();
    }

    [Fact]
    public async Task Me_WithUnknownUserIdAndValidToken_Returns401()
    {
        var user = await factory.CreateUserAsync("ghost-id");

        var response = await factory.CreateApiClient().As("NoSuchUser2345678", user.AuthToken!).GetAsync("me");

        response.AssertNotLoggedIn();
    }

    [Fact]
    public async Task Me_WithWrongToken_Returns401()
    {
        var user = await factory.CreateUserAsync("wrong-token");

        var response = await factory.CreateApiClient().As(user.UserId!, user.AuthToken + "x").GetAsync("me");

        response.AssertNotLoggedIn();
    }

    [Fact]
    public async Task Me_WithTokenOfAnotherUser_Returns401()
    {
        var victim = await factory.CreateUserAsync("victim");
        var other = await factory.CreateUserAsync("other");

        var response = await factory.CreateApiClient().As(victim.UserId!, other.AuthToken!).GetAsync("me");

        response.AssertNotLoggedIn();
    }

    [Fact]
    public async Task Me_WithUserIdHeaderOnly_Returns401()
    {
        var user = await factory.CreateUserAsync("id-only");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("X-User-Id", user.UserId);

        var response = await factory.CreateApiClient().SendAsync(request);

        response.AssertNotLoggedIn();
    }

    [Fact]
    public async Task Me_WithTokenHeaderOnly_Returns401()
    {
        var user = await factory.CreateUserAsync("token-only");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("X-Auth-Token", user.AuthToken);

        var response = await factory.CreateApiClient().SendAsync(request);

        response.AssertNotLoggedIn();
    }

    [Fact]
    public async Task Logout_ByPost_ReturnsLoggedOutAndEndsOnlyTheCurrentToken()
    {
        var first = await factory.CreateUserAsync("post-out");
        var second = await factory.LoginAsync("post-out");

        var response = await first.PostAsync("logout");

        response.AssertBody(HttpStatusCode.OK, AccountBodies.LoggedOut);
        (await first.GetAsync("me")).AssertNotLoggedIn();
        var stillIn = await second.GetAsync("me");
        stillIn.AssertOk();
        Assert.Equal(first.UserId, stillIn.Json["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Logout_ByGet_ReturnsLoggedOutAndEndsOnlyTheCurrentToken()
    {
        var first = await factory.CreateUserAsync("get-out");
        var second = await factory.LoginAsync("get-out");

        var response = await first.GetAsync("logout");

        response.AssertBody(HttpStatusCode.OK, AccountBodies.LoggedOut);
        (await first.GetAsync("me")).AssertNotLoggedIn();
        (await second.GetAsync("me")).AssertOk();
    }

    [Fact]
    public async Task Logout_WithJsonBody_ReturnsLoggedOut()
    {
        var user = await factory.CreateUserAsync("body-out");

        var response = await user.PostAsync("logout", new { });

        response.AssertBody(HttpStatusCode.OK, AccountBodies.LoggedOut);
        (await user.GetAsync("me")).AssertNotLoggedIn();
    }

    [Fact]
    public async Task Logout_Twice_SecondTimeReturns401()
    {
        var user = await factory.CreateUserAsync("twice-out");
        (await user.PostAsync("logout")).AssertBody(HttpStatusCode.OK, AccountBodies.LoggedOut);

        var response = await user.PostAsync("logout");

        response.AssertNotLoggedIn();
    }

    [Fact]
    public async Task Logout_DoesNotEndTheSessionsOfOtherUsers()
    {
        var leaving = await factory.CreateUserAsync("leaving");
        var staying = await factory.CreateUserAsync("staying");

        (await leaving.PostAsync("logout")).AssertBody(HttpStatusCode.OK, AccountBodies.LoggedOut);

        (await staying.GetAsync("me")).AssertOk();
    }

    [Fact]
    public async Task Login_WithResumeOfEndedToken_Returns401()
    {
        var user = await factory.CreateUserAsync("resume-ended");
        (await user.PostAsync("logout")).AssertBody(HttpStatusCode.OK, AccountBodies.LoggedOut);

        var response = await factory.CreateApiClient().PostAsync("login", new { resume = user.AuthToken });

        response.AssertBody(HttpStatusCode.Unauthorized, ApiBodies.LoginFailed);
    }
}
