using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Rooms;

/// <summary>Every room endpoint requires authentication, checked before anything else (contract §1.1).</summary>
public sealed class RoomAuthenticationTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", "channels.create" },
        { "POST", "groups.create" },
        { "POST", "im.create" },
        { "POST", "channels.invite" },
        { "POST", "groups.invite" },
        { "POST", "channels.kick" },
        { "POST", "groups.kick" },
        { "POST", "channels.join" },
        { "GET", "rooms.info" },
        { "GET", "channels.info" },
        { "GET", "groups.info" },
        { "GET", "channels.list" },
        { "GET", "channels.list.joined" },
        { "GET", "groups.list" },
        { "GET", "groups.listAll" },
        { "GET", "im.list" },
        { "GET", "subscriptions.getOne" },
        { "GET", "chat.getMessage" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_WithoutCredentials_Returns401(string method, string route)
    {
        var client = factory.CreateApiClient();

        var response = await SendAsync(client, method, route);

        response.AssertNotLoggedIn();
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_WithAWrongToken_Returns401(string method, string route)
    {
        var admin = await factory.LoginAdminAsync();
        var client = factory.CreateApiClient().As(admin.UserId!, "not-the-right-token");

        var response = await SendAsync(client, method, route);

        response.AssertNotLoggedIn();
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_WithAnotherUsersToken_Returns401(string method, string route)
    {
        var admin = await factory.LoginAdminAsync();
        var user = await factory.CreateUserAsync($"auth-{Guid.NewGuid():N}"[..16]);
        var client = factory.CreateApiClient().As(admin.UserId!, user.AuthToken!);

        var response = await SendAsync(client, method, route);

        response.AssertNotLoggedIn();
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_WithoutCredentialsAndWithInvalidParams_Returns401First(string method, string route)
    {
        var client = factory.CreateApiClient();

        var response = method == "GET" ? await client.GetAsync($"{route}?unexpected=1") : await client.PostAsync(route, """{"unexpected":1}""");

        response.AssertNotLoggedIn();
    }

    /// <summary>Sends parameters that would be valid, so only the missing authentication can explain a refusal.</summary>
    private static Task<ApiResponse> SendAsync(ApiClient client, string method, string route) => method == "GET"
        ? client.GetAsync(route switch
        {
            "chat.getMessage" => $"{route}?msgId=Nonexistent1234ab",
            _ => $"{route}?roomId=Nonexistent1234ab",
        })
        : client.PostAsync(route, route switch
        {
            "channels.create" or "groups.create" => new { name = $"unauth-{Guid.NewGuid():N}" } as object,
            "im.create" => new { username = TestAccounts.AdminUsername },
            "channels.join" => new { roomId = "Nonexistent1234ab" },
            _ => new { roomId = "Nonexistent1234ab", userId = "Nonexistent1234ab" },
        });
}
