using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Reliability;

/// <summary>
/// Found by the generated bad input (R2): a request naming more users than the database takes as parameters of one
/// statement (SQLite 32,766, PostgreSQL 65,535) was answered 500. Usernames are now looked up in batches.
/// </summary>
public sealed class ManyUsernamesTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    private const int ManyNames = 70_000;

    [Fact]
    public async Task ChannelCreate_WithTensOfThousandsOfMembers_SubscribesTheOnesThatExist()
    {
        var owner = await factory.NewUserAsync("owner");
        var member = await factory.NewUserAsync("member");
        var members = Enumerable.Range(0, ManyNames).Select(i => $"ghost{i}").Append(member.Username!).ToArray();

        var response = await owner.PostAsync("channels.create", new { name = UniqueName.For("crowd"), members });

        response.AssertOk();
        Assert.Equal(2, response.Json["channel"]!["usersCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task ImCreate_WithTensOfThousandsOfUsernames_ReturnsInvalidUser()
    {
        var user = await factory.NewUserAsync("user");
        var usernames = string.Join(',', Enumerable.Range(0, ManyNames).Select(i => $"ghost{i}"));

        var response = await user.PostAsync("im.create", new { usernames });

        response.AssertBody(HttpStatusCode.BadRequest, """{"success":false,"error":"Invalid user [error-invalid-user]","errorType":"error-invalid-user"}""");
    }
}
