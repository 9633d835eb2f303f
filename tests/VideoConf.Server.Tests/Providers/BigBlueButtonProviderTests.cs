using System.Security.Cryptography;
using System.Text;
using VideoConf.Server.Providers;
using static VideoConf.Server.Tests.Providers.ProviderExamples;

namespace VideoConf.Server.Tests.Providers;

public sealed class BigBlueButtonProviderTests
{
    private const string Server = "https://bbb.example.org/bigbluebutton/";
    private const string Secret = "bbb-shared-secret-0123456789";

    private readonly BigBlueButtonProvider _provider = new();

    [Fact]
    public void Key_Label_And_Capabilities_AreBigBlueButtonWithTitle()
    {
        Assert.Equal("bigbluebutton", _provider.Key);
        Assert.Equal("BigBlueButton", _provider.Label(Settings()));
        Assert.Equal(new ProviderCapabilities(Mic: false, Cam: false, Title: true, PersistentChat: false), _provider.Capabilities(Settings()));
    }

    [Fact]
    public void IsConfigured_RequiresServerAndSecret()
    {
        Assert.True(_provider.IsConfigured(Settings()));
        Assert.False(_provider.IsConfigured(Settings().With("BigBlueButton_Server_URL", string.Empty)));
        Assert.False(_provider.IsConfigured(Settings().With("BigBlueButton_Shared_Secret", string.Empty)));
    }

    [Fact]
    public void CallUrl_IsTheChecksummedJoinUrlWithoutUserFields()
    {
        const string query = "meetingID=69786d0ac8b05330207814bd";

        var url = _provider.CallUrl(Call(), Settings());

        Assert.Equal($"{Server}api/join?{query}&checksum={Sha1Hex("join" + query + Secret)}", url);
    }

    [Fact]
    public void JoinUrl_ForTheCreator_IsAModeratorJoinWithAValidChecksum()
    {
        var join = _provider.JoinUrl(Call(), Jane, NoState, Now, Settings());

        var (query, parameters) = AssertChecksummed(join.Url, "join");
        Assert.Equal(["meetingID", "fullName", "userID", "role"], parameters.Select(p => p.Name));
        Assert.Equal(CallId, Value(parameters, "meetingID"));
        Assert.Equal("Jane Doe", Value(parameters, "fullName"));
        Assert.Equal(JaneId, Value(parameters, "userID"));
        Assert.Equal("MODERATOR", Value(parameters, "role"));
        Assert.DoesNotContain(' ', query);
    }

    [Fact]
    public void JoinUrl_ForAnotherUser_IsAViewerJoin()
    {
        var join = _provider.JoinUrl(Call(), Other, NoState, Now, Settings());

        var (_, parameters) = AssertChecksummed(join.Url, "join");
        Assert.Equal("John Roe", Value(parameters, "fullName"));
        Assert.Equal(OtherUserId, Value(parameters, "userID"));
        Assert.Equal("VIEWER", Value(parameters, "role"));
    }

    [Fact]
    public void JoinUrl_AsksForAChecksummedCreateOfTheMeetingFirst()
    {
        var join = _provider.JoinUrl(Call("Weekly sync"), Other, NoState, Now, Settings());

        Assert.NotNull(join.CreateMeetingRequest);
        var (_, parameters) = AssertChecksummed(join.CreateMeetingRequest!.AbsoluteUri, "create");
        Assert.Equal(CallId, Value(parameters, "meetingID"));
        Assert.Equal("Weekly sync", Value(parameters, "name"));
    }

    [Fact]
    public void JoinUrl_ChecksumChangesWithTheSecret()
    {
        var first = _provider.JoinUrl(Call(), Jane, NoState, Now, Settings()).Url;
        var second = _provider.JoinUrl(Call(), Jane, NoState, Now, Settings().With("BigBlueButton_Shared_Secret", "another-secret")).Url;

        Assert.NotEqual(first, second);
        Assert.DoesNotContain(Secret, first, StringComparison.Ordinal);
    }

    [Fact]
    public void JoinUrl_WithAnOverlongStoredTitle_CreatesTheMeetingUnderTheTitlesFirst200Characters()
    {
        // Calls stored before the text limits can carry titles of any length; a create URL past BigBlueButton's
        // request-line limit (about 8 KB) made such a call unjoinable.
        var title = new string('t', 300_000);

        var join = _provider.JoinUrl(Call(title), Other, NoState, Now, Settings());

        var (_, parameters) = AssertChecksummed(join.CreateMeetingRequest!.AbsoluteUri, "create");
        Assert.Equal(title[..200], Value(parameters, "name"));
        Assert.True(join.CreateMeetingRequest.AbsoluteUri.Length < 4096, $"The create URL is {join.CreateMeetingRequest.AbsoluteUri.Length} characters long.");
    }

    [Fact]
    public void JoinUrl_WithAnOverlongStoredName_JoinsUnderTheNamesFirst120Characters()
    {
        var user = Other with { Name = new string('n', 900_000) };

        var join = _provider.JoinUrl(Call(), user, NoState, Now, Settings());

        var (_, parameters) = AssertChecksummed(join.Url, "join");
        Assert.Equal(new string('n', 120), Value(parameters, "fullName"));
    }

    [Fact]
    public void JoinUrl_CuttingATitle_NeverSplitsACharacterOutsideTheBasicPlane()
    {
        // 199 letters and then a rocket (two UTF-16 code units, the 200th and 201st): cutting at 200 would leave half a rocket.
        var title = new string('t', 199) + "\U0001F680" + "tail";

        var join = _provider.JoinUrl(Call(title), Other, NoState, Now, Settings());

        var (_, parameters) = AssertChecksummed(join.CreateMeetingRequest!.AbsoluteUri, "create");
        Assert.Equal(new string('t', 199), Value(parameters, "name"));
    }

    [Fact]
    public void JoinUrl_WithATitleOfTheLimitLength_KeepsItWhole()
    {
        var title = new string('t', 100) + string.Concat(Enumerable.Repeat("\U0001F680", 50));

        var join = _provider.JoinUrl(Call(title), Other, NoState, Now, Settings());

        var (_, parameters) = AssertChecksummed(join.CreateMeetingRequest!.AbsoluteUri, "create");
        Assert.Equal(title, Value(parameters, "name"));
    }

    private static FakeSettingsReader Settings() => new FakeSettingsReader()
        .With("BigBlueButton_Server_URL", Server)
        .With("BigBlueButton_Shared_Secret", Secret);

    /// <summary>
    /// Asserts <c>&lt;server&gt;api/&lt;name&gt;?&lt;query&gt;&amp;checksum=&lt;sha1(name + query + secret)&gt;</c>, recomputing the
    /// checksum over the query exactly as sent; returns the query and its decoded parameters.
    /// </summary>
    private static (string Query, List<(string Name, string Value)> Parameters) AssertChecksummed(string url, string name)
    {
        var prefix = $"{Server}api/{name}?";
        Assert.StartsWith(prefix, url, StringComparison.Ordinal);
        var rest = url[prefix.Length..];
        var at = rest.LastIndexOf("&checksum=", StringComparison.Ordinal);
        Assert.True(at > 0, $"No trailing checksum in {url}");
        var query = rest[..at];
        Assert.Equal(Sha1Hex(name + query + Secret), rest[(at + "&checksum=".Length)..]);
        var parameters = query.Split('&')
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (pair[0], Uri.UnescapeDataString(pair[1].Replace('+', ' '))))
            .ToList();
        return (query, parameters);
    }

    private static string Value(List<(string Name, string Value)> parameters, string name) =>
        Assert.Single(parameters, p => p.Name == name).Value;

    private static string Sha1Hex(string text) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
}
