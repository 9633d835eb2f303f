using System.Net;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Settings.SettingsScenario;

namespace VideoConf.Server.Tests.Settings;

/// <summary><c>settings.public</c> (contract §7, paginated as §5). Nothing here changes a setting.</summary>
public sealed class PublicSettingsTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Public_WithoutAuth_ListsEveryPublicSettingWithItsDefault()
    {
        var response = await factory.CreateApiClient().GetAsync("settings.public?count=0");

        response.AssertOk();
        Assert.Equal(["settings", "count", "offset", "total", "success"], response.Json.AsObject().Select(p => p.Key));
        var listed = response.Json["settings"]!.AsArray()
            .ToDictionary(s => s!["_id"]!.GetValue<string>(), s => s!["value"]!.ToJsonString(), StringComparer.Ordinal);
        Assert.Equal(PublicDefaults.Keys.Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, value) in PublicDefaults)
        {
            Assert.True(value.ToJsonString() == listed[id], $"{id}: expected {value.ToJsonString()}, got {listed[id]}");
        }
        Assert.Equal(PublicDefaults.Count, response.Json["count"]!.GetValue<int>());
        Assert.Equal(0, response.Json["offset"]!.GetValue<int>());
        Assert.Equal(PublicDefaults.Count, response.Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Public_EachListedSetting_HasExactlyIdAndValue()
    {
        var response = await factory.CreateApiClient().GetAsync("settings.public?count=0");

        foreach (var setting in response.Json["settings"]!.AsArray())
        {
            Assert.Equal(["_id", "value"], setting!.AsObject().Select(p => p.Key));
        }
    }

    [Fact]
    public async Task Public_NeverListsSecretSettings()
    {
        var response = await factory.CreateApiClient().GetAsync("settings.public?count=0");

        var ids = response.Json["settings"]!.AsArray().Select(s => s!["_id"]!.GetValue<string>()).ToList();
        foreach (var secret in SecretIds)
        {
            Assert.DoesNotContain(secret, ids);
        }
    }

    [Fact]
    public async Task Public_FilteredBySecretIds_ListsNothing()
    {
        var response = await factory.CreateApiClient().GetAsync($"settings.public?_id={string.Join(',', SecretIds)}");

        response.AssertBody(HttpStatusCode.OK, """{"settings":[],"count":0,"offset":0,"total":0,"success":true}""");
    }

    [Fact]
    public async Task Public_FilteredById_ListsOnlyThoseSettings()
    {
        var response = await factory.CreateApiClient().GetAsync("settings.public?_id=Jitsi_Domain,Jitsi_SSL");

        response.AssertBody(HttpStatusCode.OK, """
            {"settings":[{"_id":"Jitsi_Domain","value":"meet.jit.si"},{"_id":"Jitsi_SSL","value":true}],"count":2,"offset":0,"total":2,"success":true}
            """);
    }

    [Fact]
    public async Task Public_FilteredByPublicAndSecretIds_ListsOnlyThePublicOne()
    {
        var response = await factory.CreateApiClient().GetAsync("settings.public?_id=Jitsi_Application_Secret,VideoConf_Ringing_Timeout,No_Such_Setting");

        response.AssertBody(HttpStatusCode.OK, """
            {"settings":[{"_id":"VideoConf_Ringing_Timeout","value":40}],"count":1,"offset":0,"total":1,"success":true}
            """);
    }

    [Fact]
    public async Task Public_WithCountAndOffset_ReturnsThatWindowAndTheTotal()
    {
        var client = factory.CreateApiClient();

        var response = await client.GetAsync("settings.public?count=5&offset=3");

        response.AssertOk();
        Assert.Equal(5, response.Json["settings"]!.AsArray().Count);
        Assert.Equal(5, response.Json["count"]!.GetValue<int>());
        Assert.Equal(3, response.Json["offset"]!.GetValue<int>());
        Assert.Equal(PublicDefaults.Count, response.Json["total"]!.GetValue<int>());
        var all = await IdsAsync(client, "count=0");
        Assert.Equal(all.Skip(3).Take(5), IdsOf(response));
    }

    [Fact]
    public async Task Public_PagesTogether_ListEverySettingOnce()
    {
        var client = factory.CreateApiClient();
        var pages = new List<string>();

        for (var offset = 0; offset < PublicDefaults.Count + 7; offset += 7)
        {
            pages.AddRange(await IdsAsync(client, $"count=7&offset={offset}"));
        }

        Assert.Equal(PublicDefaults.Count, pages.Count);
        Assert.Equal(PublicDefaults.Keys.Order(StringComparer.Ordinal), pages.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Public_WithAnOffsetBeyondTheEnd_ReturnsNoItemsAndTheTotal()
    {
        var response = await factory.CreateApiClient().GetAsync("settings.public?offset=1000");

        response.AssertBody(HttpStatusCode.OK, $$"""{"settings":[],"count":0,"offset":1000,"total":{{PublicDefaults.Count}},"success":true}""");
    }

    [Theory]
    [InlineData("count=2.9", 2, 0)]
    [InlineData("count=-3", 3, 0)]
    [InlineData("count=2&offset=-4", 2, 0)]
    [InlineData("count=2&offset=1.7", 2, 1)]
    [InlineData("count=1e1", 10, 0)]
    [InlineData("count=", 24, 0)]
    [InlineData("count=0.5", 24, 0)]
    public async Task Public_WithUnusualPagingValues_PagesAsRocketChatDoes(string query, int expectedCount, int expectedOffset)
    {
        var response = await factory.CreateApiClient().GetAsync($"settings.public?{query}");

        response.AssertOk();
        Assert.Equal(expectedCount, response.Json["settings"]!.AsArray().Count);
        Assert.Equal(expectedCount, response.Json["count"]!.GetValue<int>());
        Assert.Equal(expectedOffset, response.Json["offset"]!.GetValue<int>());
        Assert.Equal(PublicDefaults.Count, response.Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Public_WithInvalidCredentials_AnswersAsToAnAnonymousCaller()
    {
        var client = factory.CreateApiClient().As("Nonexistent1234ab", "garbage-token");

        var response = await client.GetAsync("settings.public?_id=Jitsi_Domain");

        response.AssertBody(HttpStatusCode.OK, """
            {"settings":[{"_id":"Jitsi_Domain","value":"meet.jit.si"}],"count":1,"offset":0,"total":1,"success":true}
            """);
    }

    [Fact]
    public async Task Public_AsAdmin_StillListsNoSecret()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.GetAsync("settings.public?count=0");

        Assert.Equal(PublicDefaults.Count, response.Json["total"]!.GetValue<int>());
        Assert.DoesNotContain(IdsOf(response), SecretIds.Contains);
    }

    [Theory]
    [InlineData("count=abc", "must be number")]
    [InlineData("offset=x", "must be number")]
    [InlineData("count=1&count=2", "must be number")]
    [InlineData("_id=A&_id=B", "must be string")]
    public async Task Public_WithInvalidParams_ReturnsTheFirstValidationError(string query, string message)
    {
        var response = await factory.CreateApiClient().GetAsync($"settings.public?{query}");

        response.AssertInvalidParams(message);
    }

    private static async Task<List<string>> IdsAsync(ApiClient client, string query)
    {
        var response = await client.GetAsync($"settings.public?{query}");
        response.AssertOk();
        return IdsOf(response);
    }

    private static List<string> IdsOf(ApiResponse response) =>
        response.Json["settings"]!.AsArray().Select(s => s!["_id"]!.GetValue<string>()).ToList();
}
