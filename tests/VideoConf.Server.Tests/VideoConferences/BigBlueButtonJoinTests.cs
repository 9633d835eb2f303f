using System.Net;
using System.Net.Http.Json;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary><c>join</c> with BigBlueButton against a local fake server, and against one that is not there.</summary>
public sealed class BigBlueButtonJoinTests
{
    private const string Secret = "bbb-shared-secret-for-tests";

    [Fact]
    public async Task Join_CreatesTheMeetingWithAValidChecksumAndReturnsAViewerJoinUrl()
    {
        await using var bbb = await FakeBigBlueButtonServer.StartAsync(Secret);
        using var factory = BigBlueButtonFactory(bbb.ServerUrl);
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync(bob), title: "Standup");

        var response = await bob.JoinCallAsync(callId);

        response.AssertOk();
        Assert.Equal("bigbluebutton", response.Json["providerName"]!.GetValue<string>());
        var query = AssertChecksummed(response.Json["url"]!.GetValue<string>(), bbb.ServerUrl, "join");
        Assert.Equal(callId, query["meetingID"]);
        Assert.Equal($"Name of {bob.Username}", query["fullName"]);
        Assert.Equal(bob.UserId, query["userID"]);
        Assert.Equal("VIEWER", query["role"]);
        var create = Assert.Single(bbb.CreateQueries);
        var createQuery = AssertChecksummed($"{bbb.ServerUrl}api/create?{create}", bbb.ServerUrl, "create");
        Assert.Equal(callId, createQuery["meetingID"]);
        Assert.Equal("Standup", createQuery["name"]);
        Assert.Equal([bob.UserId], (await alice.CallInfoAsync(callId))["users"]!.AsArray().Select(u => u!["_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Join_ByTheCreator_ReturnsAModeratorJoinUrl()
    {
        await using var bbb = await FakeBigBlueButtonServer.StartAsync(Secret);
        using var factory = BigBlueButtonFactory(bbb.ServerUrl);
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());

        var response = await alice.JoinCallAsync(callId);

        response.AssertOk();
        var query = AssertChecksummed(response.Json["url"]!.GetValue<string>(), bbb.ServerUrl, "join");
        Assert.Equal("MODERATOR", query["role"]);
        Assert.Equal(alice.UserId, query["userID"]);
    }

    [Fact]
    public async Task Start_StoresTheJoinUrlWithoutUserFields()
    {
        await using var bbb = await FakeBigBlueButtonServer.StartAsync(Secret);
        using var factory = BigBlueButtonFactory(bbb.ServerUrl);
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());

        var url = (await alice.CallInfoAsync(callId))["url"]!.GetValue<string>();

        var query = AssertChecksummed(url, bbb.ServerUrl, "join");
        Assert.Equal(["meetingID"], query.Keys);
        Assert.Equal(callId, query["meetingID"]);
        Assert.Empty(bbb.CreateQueries);
    }

    [Fact]
    public async Task Join_WhenTheServerRefusesToCreateTheMeeting_ReturnsFailedToGetUrl()
    {
        await using var bbb = await FakeBigBlueButtonServer.StartAsync(Secret);
        bbb.Accepting = false;
        using var factory = BigBlueButtonFactory(bbb.ServerUrl);
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());

        var response = await alice.JoinCallAsync(callId);

        response.AssertPlainFailure("failed-to-get-url");
        Assert.Single(bbb.CreateQueries);
        Assert.Empty((await alice.CallInfoAsync(callId))["users"]!.AsArray());
    }

    [Fact]
    public async Task Join_EveryTime_AsksTheServerToCreateTheMeetingFirst()
    {
        await using var bbb = await FakeBigBlueButtonServer.StartAsync(Secret);
        using var factory = BigBlueButtonFactory(bbb.ServerUrl);
        var alice = await factory.NewUserAsync("alice");
        var bob = await factory.NewUserAsync("bob");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync(bob));

        (await alice.JoinCallAsync(callId)).AssertOk();
        (await bob.JoinCallAsync(callId)).AssertOk();

        Assert.Equal(2, bbb.CreateQueries.Count);
        Assert.All(bbb.CreateQueries, q => Assert.StartsWith($"meetingID={callId}&", q, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Join_WhenTheServerNeverAnswers_GivesUpWithFailedToGetUrl()
    {
        await using var bbb = await FakeBigBlueButtonServer.StartAsync(Secret);
        bbb.Hanging = true;
        using var factory = BigBlueButtonFactory(bbb.ServerUrl);
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());

        // The server's own 5-second timeout ends this request; the test waits at most 10 seconds for it.
        using var patience = new CancellationTokenSource(Eventually.DefaultBound);
        using var sent = await alice.Http.PostAsJsonAsync("/api/v1/video-conference.join", new { callId }, patience.Token);
        var response = new ApiResponse(sent.StatusCode, await sent.Content.ReadAsStringAsync(patience.Token), sent.Headers, sent.Content.Headers);

        response.AssertPlainFailure("failed-to-get-url");
    }

    [Fact]
    public async Task Join_WhenTheServerIsUnreachable_ReturnsFailedToGetUrl()
    {
        using var factory = BigBlueButtonFactory($"http://127.0.0.1:{LoopbackPort.Free()}/bigbluebutton/");
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());

        var response = await alice.JoinCallAsync(callId);

        response.AssertPlainFailure("failed-to-get-url");
        Assert.Empty((await alice.CallInfoAsync(callId))["users"]!.AsArray());
    }

    [Fact]
    public async Task Join_NeverRevealsTheSharedSecret()
    {
        await using var bbb = await FakeBigBlueButtonServer.StartAsync(Secret);
        using var factory = BigBlueButtonFactory(bbb.ServerUrl);
        var alice = await factory.NewUserAsync("alice");
        var callId = await alice.StartCallAsync(await alice.CreateChannelAsync());

        var join = await alice.JoinCallAsync(callId);
        var info = await alice.GetAsync($"video-conference.info?callId={callId}");

        join.AssertOk();
        Assert.DoesNotContain(Secret, join.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, info.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(Secret, StringComparison.Ordinal));
    }

    private static VideoConfFactory BigBlueButtonFactory(string serverUrl) => new VideoConfFactory()
        .WithSetting("Settings:VideoConf_Enabled_Providers", "bigbluebutton")
        .WithSetting("Settings:BigBlueButton_Server_URL", serverUrl)
        .WithSetting("Settings:BigBlueButton_Shared_Secret", Secret);

    /// <summary>
    /// Asserts <c>&lt;server&gt;api/&lt;name&gt;?&lt;query&gt;&amp;checksum=&lt;sha1(name + query + secret)&gt;</c> and returns
    /// the query's decoded parameters in order.
    /// </summary>
    private static Dictionary<string, string> AssertChecksummed(string url, string serverUrl, string name)
    {
        var prefix = $"{serverUrl}api/{name}?";
        Assert.StartsWith(prefix, url, StringComparison.Ordinal);
        var rest = url[prefix.Length..];
        var at = rest.LastIndexOf("&checksum=", StringComparison.Ordinal);
        Assert.True(at > 0, $"No trailing checksum in {url}");
        Assert.Equal(FakeBigBlueButtonServer.Sha1Hex(name + rest[..at] + Secret), rest[(at + "&checksum=".Length)..]);
        return rest[..at].Split('&')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1].Replace('+', ' ')));
    }
}
