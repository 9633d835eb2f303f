using System.Text.Json.Nodes;

namespace VideoConf.Server.Tests.Http;

/// <summary>§5 paging through <c>settings.public</c> (24 public settings), with a cap of 5 and a default of 3.</summary>
public sealed class PagingHttpTests(SmallPagesFactory factory) : IClassFixture<SmallPagesFactory>
{
    private const int PublicSettings = 24;

    [Theory]
    [InlineData("", 0, SmallPagesFactory.DefaultCount)]
    [InlineData("count=", 0, SmallPagesFactory.DefaultCount)]
    [InlineData("count=2", 0, 2)]
    [InlineData("count=2.9", 0, 2)]
    [InlineData("count=4.99&offset=1.9", 1, 4)]
    [InlineData("count=1e1", 0, SmallPagesFactory.UpperCount)]
    [InlineData("count=100", 0, SmallPagesFactory.UpperCount)]
    [InlineData("count=-3", 0, 3)]
    [InlineData("count=-2.5", 0, 2)]
    [InlineData("count=-100", 0, SmallPagesFactory.UpperCount)]
    [InlineData("count=99999999999", 0, SmallPagesFactory.UpperCount)]
    [InlineData("count=-99999999999", 0, SmallPagesFactory.UpperCount)]
    [InlineData("count=Infinity", 0, SmallPagesFactory.UpperCount)]
    [InlineData("offset=-4&count=2", 0, 2)]
    [InlineData("offset=1e1&count=2", 10, 2)]
    [InlineData("offset=22&count=5", 22, 2)]
    [InlineData("offset=0x10&count=2", 16, 2)]
    public async Task SettingsPublic_PagesAsTheContractSays(string query, int expectedOffset, int expectedCount)
    {
        var all = await AllPublicSettingsAsync();

        var response = await factory.CreateApiClient().GetAsync($"settings.public?{query}");

        response.AssertOk();
        Assert.Equal(expectedOffset, response.Json["offset"]!.GetValue<int>());
        Assert.Equal(expectedCount, response.Json["count"]!.GetValue<int>());
        Assert.Equal(PublicSettings, response.Json["total"]!.GetValue<int>());
        Assert.Equal(all.Skip(expectedOffset).Take(expectedCount), Ids(response.Json));
    }

    [Theory]
    [InlineData("count=0")]
    [InlineData("count=0.5")]
    [InlineData("count=-0.9")]
    [InlineData("count=0&offset=0")]
    public async Task SettingsPublic_WithZeroCount_ReturnsEveryItemBeyondTheCap(string query)
    {
        var response = await factory.CreateApiClient().GetAsync($"settings.public?{query}");

        response.AssertOk();
        Assert.Equal(PublicSettings, response.Json["count"]!.GetValue<int>());
        Assert.Equal(PublicSettings, response.Json["settings"]!.AsArray().Count);
    }

    [Fact]
    public async Task SettingsPublic_WithZeroCountAndOffset_ReturnsEverythingFromTheOffset()
    {
        var response = await factory.CreateApiClient().GetAsync("settings.public?count=0&offset=20");

        response.AssertOk();
        Assert.Equal(20, response.Json["offset"]!.GetValue<int>());
        Assert.Equal(4, response.Json["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task SettingsPublic_WithOffsetBeyondIntRange_ClampsItAndReturnsNoItems()
    {
        var response = await factory.CreateApiClient().GetAsync("settings.public?offset=1e20&count=2");

        response.AssertBody(System.Net.HttpStatusCode.OK,
            $$"""{"settings":[],"count":0,"offset":{{int.MaxValue}},"total":{{PublicSettings}},"success":true}""");
    }

    [Fact]
    public async Task SettingsPublic_WithFilterAndPaging_CountsTotalBeforePaging()
    {
        var response = await factory.CreateApiClient().GetAsync("settings.public?_id=API_Enable_CORS,API_CORS_Origin,Jitsi_Domain&count=1&offset=1");

        response.AssertOk();
        Assert.Equal(1, response.Json["count"]!.GetValue<int>());
        Assert.Equal(1, response.Json["offset"]!.GetValue<int>());
        Assert.Equal(3, response.Json["total"]!.GetValue<int>());
    }

    private async Task<IReadOnlyList<string>> AllPublicSettingsAsync()
    {
        var response = await factory.CreateApiClient().GetAsync("settings.public?count=0");
        response.AssertOk();
        var ids = Ids(response.Json);
        Assert.Equal(PublicSettings, ids.Count);
        return ids;
    }

    private static List<string> Ids(JsonNode body) =>
        body["settings"]!.AsArray().Select(s => s!["_id"]!.GetValue<string>()).ToList();
}
