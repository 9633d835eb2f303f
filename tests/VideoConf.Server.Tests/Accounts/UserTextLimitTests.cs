using System.Net;
using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Accounts;

/// <summary>
/// The text limits of contract §3.1 on the two routes that create accounts: usernames 1–64, names 1–120, e-mails
/// 3–254 without control characters, counted in UTF-16 code units. A refused account is not stored.
/// </summary>
public sealed class UserTextLimitTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    /// <summary>A character outside the Basic Multilingual Plane: two UTF-16 code units, as JavaScript counts it.</summary>
    private const string Rocket = "\U0001F680";

    public static TheoryData<string> Routes => new() { "users.create", "users.register" };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Create_WithAUsernameOf64Characters_StoresIt(string route)
    {
        var username = UniqueName.OfLength("u", 64);

        (await CreateAsync(route, username, $"{username[..20]}@videoconf.test")).AssertOk();

        await AssertStoredAsync(username);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Create_WithAUsernameOf65Characters_AnswersInvalidUsernameAndStoresNothing(string route)
    {
        var username = UniqueName.OfLength("u", 65);

        var response = await CreateAsync(route, username, $"{username[..20]}@videoconf.test");

        response.AssertFailureWithReason("error-invalid-username");
        await AssertNotStoredAsync(username);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Create_WithANameOf120CodeUnits_StoresTheNameWhole(string route)
    {
        var username = UniqueName.OfLength("u", 20);
        var name = new string('n', 60) + string.Concat(Enumerable.Repeat(Rocket, 30));

        (await CreateAsync(route, username, $"{username}@videoconf.test", name)).AssertOk();

        Assert.Equal(name, (await AssertStoredAsync(username))["name"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Create_WithANameOf121CodeUnits_AnswersInvalidFieldAndStoresNothing(string route)
    {
        var username = UniqueName.OfLength("u", 20);
        var name = "n" + string.Concat(Enumerable.Repeat(Rocket, 60));

        var response = await CreateAsync(route, username, $"{username}@videoconf.test", name);

        response.AssertBody(HttpStatusCode.BadRequest,
            """{"success":false,"error":"The name must be at most 120 characters [error-input-is-not-a-valid-field]","errorType":"error-input-is-not-a-valid-field"}""");
        await AssertNotStoredAsync(username);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Create_WithANameOf900000Characters_StoresNothing(string route)
    {
        var username = UniqueName.OfLength("u", 20);

        var response = await CreateAsync(route, username, $"{username}@videoconf.test", new string('n', 900_000));

        response.AssertFailureWithReason("error-input-is-not-a-valid-field");
        await AssertNotStoredAsync(username);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Create_WithAnEmailOf254Characters_StoresIt(string route)
    {
        var username = UniqueName.OfLength("u", 20);
        var email = EmailOfLength(username, 254);

        (await CreateAsync(route, username, email)).AssertOk();

        var user = await AssertStoredAsync(username);
        Assert.Equal(email, user["emails"]![0]!["address"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Create_WithAnEmailOf255Characters_AnswersInvalidEmailAndStoresNothing(string route)
    {
        var username = UniqueName.OfLength("u", 20);

        var response = await CreateAsync(route, username, EmailOfLength(username, 255));

        response.AssertFailureWithReason("error-invalid-email");
        await AssertNotStoredAsync(username);
    }

    [Theory]
    [InlineData("users.create", "\u0000")]
    [InlineData("users.create", "\u0001")]
    [InlineData("users.create", "\u001f")]
    [InlineData("users.create", "\u007f")]
    [InlineData("users.create", "\u0085")]
    [InlineData("users.register", "\u0000")]
    [InlineData("users.register", "\u007f")]
    public async Task Create_WithAControlCharacterInTheEmail_AnswersInvalidEmailAndStoresNothing(string route, string control)
    {
        var username = UniqueName.OfLength("u", 20);

        var response = await CreateAsync(route, username, $"{username}{control}@videoconf.test");

        response.AssertFailureWithReason("error-invalid-email");
        await AssertNotStoredAsync(username);
    }

    [Fact]
    public async Task Login_WithA900000CharacterUsernameOrEmail_FailsLikeAnyUnknownUser()
    {
        var client = factory.CreateApiClient();

        var byUsername = await client.PostAsync("login", new { user = new string('u', 900_000), password = "whatever" });
        var byEmail = await client.PostAsync("login", new { email = new string('e', 900_000) + "@videoconf.test", password = "whatever" });

        byUsername.AssertBody(HttpStatusCode.Unauthorized, ApiBodies.LoginFailed);
        byEmail.AssertBody(HttpStatusCode.Unauthorized, ApiBodies.LoginFailed);
    }

    [Fact]
    public async Task Login_WithAUsernameOf64Characters_LogsIn()
    {
        var username = UniqueName.OfLength("u", 64);
        (await CreateAsync("users.create", username, $"{username[..20]}@videoconf.test")).AssertOk();

        var login = await factory.CreateApiClient().PostAsync("login", new { user = username, password = TestAccounts.PasswordOf(username) });

        login.AssertOk();
    }

    private async Task<ApiResponse> CreateAsync(string route, string username, string email, string? name = null)
    {
        var body = new JsonObject { ["username"] = username, ["email"] = email };
        body[route == "users.register" ? "pass" : "password"] = TestAccounts.PasswordOf(username);
        if (name is not null)
        {
            body["name"] = name;
        }
        var client = route == "users.register" ? factory.CreateApiClient() : await factory.LoginAdminAsync();
        return await client.PostAsync(route, body.ToJsonString());
    }

    private async Task<JsonNode> AssertStoredAsync(string username)
    {
        var admin = await factory.LoginAdminAsync();
        var info = await admin.GetAsync($"users.info?username={Uri.EscapeDataString(username)}");
        info.AssertOk();
        return info.Json["user"]!;
    }

    private async Task AssertNotStoredAsync(string username)
    {
        var admin = await factory.LoginAdminAsync();
        (await admin.GetAsync($"users.info?username={Uri.EscapeDataString(username)}")).AssertBody(HttpStatusCode.BadRequest, AccountBodies.UserNotFound);
    }

    private static string EmailOfLength(string username, int length)
    {
        const string domain = "@videoconf.test";
        return username + new string('m', length - username.Length - domain.Length) + domain;
    }
}
