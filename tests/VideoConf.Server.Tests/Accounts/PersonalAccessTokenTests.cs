using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Accounts;

/// <summary><c>POST /api/v1/users.generatePersonalAccessToken</c> (contract §2).</summary>
public sealed class PersonalAccessTokenTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task GenerateToken_ReturnsOnlyTheTokenAndSuccess()
    {
        var user = await factory.CreateUserAsync("pat-shape");

        var response = await user.PostAsync("users.generatePersonalAccessToken", new { tokenName = "ci" });

        response.AssertOk();
        Assert.Equal(["token", "success"], response.Json.AsObject().Select(p => p.Key));
        var token = response.Json["token"]!.GetValue<string>();
        Assert.NotEqual(user.AuthToken, token);
        Assert.True(token.Length >= 43, $"Token '{token}' is too short to carry 256 random bits.");
    }

    [Fact]
    public async Task GenerateToken_TokenAuthenticatesAsTheUser()
    {
        var user = await factory.CreateUserAsync("pat-user");
        var token = await GenerateAsync(user, "integration");

        var response = await factory.CreateApiClient().As(user.UserId!, token).GetAsync("me");

        response.AssertOk();
        Assert.Equal(user.UserId, response.Json["_id"]!.GetValue<string>());
        Assert.Equal("pat-user", response.Json["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task GenerateToken_TokenWithAnotherUsersId_Returns401()
    {
        var owner = await factory.CreateUserAsync("pat-owner");
        var other = await factory.CreateUserAsync("pat-other");
        var token = await GenerateAsync(owner, "mine");

        var response = await factory.CreateApiClient().As(other.UserId!, token).GetAsync("me");

        response.AssertNotLoggedIn();
    }

    [Fact]
    public async Task GenerateToken_SameNameTwice_ReturnsTokenAlreadyExists()
    {
        var user = await factory.CreateUserAsync("pat-twice");
        await GenerateAsync(user, "deploy");

        var response = await user.PostAsync("users.generatePersonalAccessToken", new { tokenName = "deploy" });

        response.AssertFailureWithReason("error-token-already-exists");
    }

    [Fact]
    public async Task GenerateToken_SameNameForTwoUsers_GivesEachTheirOwnToken()
    {
        var first = await factory.CreateUserAsync("pat-first");
        var second = await factory.CreateUserAsync("pat-second");

        var a = await GenerateAsync(first, "shared-name");
        var b = await GenerateAsync(second, "shared-name");

        Assert.NotEqual(a, b);
        (await factory.CreateApiClient().As(second.UserId!, b).GetAsync("me")).AssertOk();
    }

    [Fact]
    public async Task GenerateToken_TokenSurvivesLogoutOfTheLoginSession()
    {
        var user = await factory.CreateUserAsync("pat-survivor");
        var token = await GenerateAsync(user, "long-lived");

        (await user.PostAsync("logout")).AssertBody(HttpStatusCode.OK, AccountBodies.LoggedOut);

        (await user.GetAsync("me")).AssertNotLoggedIn();
        var response = await factory.CreateApiClient().As(user.UserId!, token).GetAsync("me");
        response.AssertOk();
        Assert.Equal(user.UserId, response.Json["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task GenerateToken_TokenStillWorksWhenTheClockMovesAYearOn()
    {
        using var own = new VideoConfFactory();
        var user = await own.CreateUserAsync("pat-forever");
        var token = await GenerateAsync(user, "no-expiry");

        own.Time.Advance(TimeSpan.FromDays(366));

        (await own.CreateApiClient().As(user.UserId!, token).GetAsync("me")).AssertOk();
    }

    [Fact]
    public async Task GenerateToken_WithoutTokenName_ReportsMissingTokenName()
    {
        var user = await factory.CreateUserAsync("pat-unnamed");

        var response = await user.PostAsync("users.generatePersonalAccessToken", new { });

        response.AssertInvalidParams("must have required property 'tokenName'");
    }

    [Fact]
    public async Task GenerateToken_WithUnknownParameter_ReportsAdditionalProperties()
    {
        var user = await factory.CreateUserAsync("pat-extra");

        var response = await user.PostAsync("users.generatePersonalAccessToken", new { tokenName = "x", expires = 5 });

        response.AssertInvalidParams("must NOT have additional properties");
    }

    [Fact]
    public async Task GenerateToken_WithANameOf64CodeUnits_StoresTheNameWhole()
    {
        var user = await factory.CreateUserAsync("pat-longest");
        // 32 letters and 16 characters outside the Basic Multilingual Plane: 64 UTF-16 code units, as JavaScript counts.
        var name = new string('k', 32) + string.Concat(Enumerable.Repeat("\U0001F511", 16));
        await GenerateAsync(user, name);

        var again = await user.PostAsync("users.generatePersonalAccessToken", new { tokenName = name });

        again.AssertFailureWithReason("error-token-already-exists");
    }

    [Fact]
    public async Task GenerateToken_WithANameOf65Characters_ReportsTheLimitAndStoresNothing()
    {
        var user = await factory.CreateUserAsync("pat-overlong");
        var name = $"overlong-{Guid.NewGuid():N}".PadRight(65, 'k');

        var response = await user.PostAsync("users.generatePersonalAccessToken", new { tokenName = name });

        response.AssertInvalidParams("must NOT have more than 64 characters");
        var store = await factory.ReadStoreBytesAsync();
        Assert.Equal(-1, store.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(name)));
    }

    private static async Task<string> GenerateAsync(ApiClient user, string name)
    {
        var response = await user.PostAsync("users.generatePersonalAccessToken", new { tokenName = name });
        response.AssertOk();
        return response.Json["token"]!.GetValue<string>();
    }
}
