using System.Net;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Reliability;

/// <summary>
/// Found by the generated bad input (R2) on PostgreSQL, whose text type cannot hold NUL (U+0000): any lookup or write
/// of a string holding one failed the statement and answered 500. Text parameters now carry U+FFFD instead, on both
/// stores; these run on the test backend.
/// </summary>
public sealed class NulCharacterTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task Lookups_OfIdsHoldingNul_FindNothing()
    {
        var user = await factory.NewUserAsync("nul");

        (await user.GetAsync("video-conference.info?callId=%00")).AssertPlainFailure("invalid-params");
        (await user.GetAsync("video-conference.list?roomId=a%00b")).AssertPlainFailure("invalid-params");
        (await user.PostAsync("video-conference.join", new { callId = "\0" })).AssertPlainFailure("invalid-params");
        (await user.PostAsync("video-conference.start", new { roomId = "\0" })).AssertPlainFailure("invalid-params");
        (await user.GetAsync("chat.getMessage?msgId=%00")).AssertPlainFailure("error-not-allowed");
        (await user.GetAsync("users.info?username=a%00")).AssertPlainFailure("User not found.");
        (await user.PostAsync("channels.join", new { roomId = "\0" })).AssertBody(HttpStatusCode.BadRequest,
            """{"success":false,"error":"The required \"roomId\" or \"roomName\" param provided does not match any channel [error-room-not-found]","errorType":"error-room-not-found"}""");
    }

    [Fact]
    public async Task Login_WithNulInTheUsername_FailsLikeAnyUnknownUser()
    {
        var response = await factory.CreateApiClient().PostAsync("login", new { user = "ad\0min", password = TestAccounts.AdminPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(ApiBodies.LoginFailed, response.Text);
    }

    [Fact]
    public async Task Writes_OfTextHoldingNul_AreStored()
    {
        var admin = await factory.LoginAdminAsync();
        var username = UniqueName.For("nulname");

        var created = await admin.PostAsync("users.create", new { username, email = $"{username}@videoconf.test", password = "pw\0secret", name = "Nul\0Name" });
        created.AssertOk();
        var user = await factory.CreateApiClient().LoginAsync(username, "pw\0secret");
        (await user.PostAsync("users.generatePersonalAccessToken", new { tokenName = "token\0name" })).AssertOk();
        var call = await user.PostAsync("video-conference.start", new { roomId = await user.CreateChannelAsync(), title = "title\0with nul" });

        call.AssertOk();
        Assert.Equal("Nul\uFFFDName", (await admin.GetAsync($"users.info?username={username}")).Json["user"]!["name"]!.GetValue<string>());
    }
}
