using VideoConf.Server.Providers;
using static VideoConf.Server.Tests.Providers.ProviderExamples;

namespace VideoConf.Server.Tests.Providers;

public sealed class CustomProviderTests
{
    private const string Template = "https://conf.example.org/{roomId}/{callId}?u={username}";

    private readonly CustomProvider _provider = new();

    [Fact]
    public void JoinUrl_FillsTheTemplate_AsTheWorkedExample()
    {
        var join = _provider.JoinUrl(Call(), Jane, NoState, Now, Settings(Template));

        Assert.Equal($"https://conf.example.org/{RoomId}/69786d0ac8b05330207814bd?u=jane.doe", join.Url);
        Assert.Null(join.CreateMeetingRequest);
    }

    [Fact]
    public void CallUrl_LeavesTheUserPlaceholdersEmpty()
    {
        var settings = Settings("https://conf.example.org/{roomId}/{callId}?u={username}&id={userId}");

        Assert.Equal($"https://conf.example.org/{RoomId}/69786d0ac8b05330207814bd?u=&id=", _provider.CallUrl(Call(), settings));
    }

    [Fact]
    public void JoinUrl_FillsEveryPlaceholder()
    {
        var settings = Settings("https://c.example/{callId}/{roomId}/{title}?id={userId}&u={username}");

        var join = _provider.JoinUrl(Call("standup"), Jane, NoState, Now, settings);

        Assert.Equal($"https://c.example/{CallId}/{RoomId}/standup?id={JaneId}&u=jane.doe", join.Url);
    }

    [Fact]
    public void JoinUrl_PercentEncodesPlaceholderValues()
    {
        var settings = Settings("https://c.example/{title}?u={username}");
        var user = new ProviderUser(JaneId, "jane doe&co", "Jane Doe", null);

        var join = _provider.JoinUrl(Call("Q&A / 100% #1"), user, NoState, Now, settings);

        Assert.Equal("https://c.example/Q%26A%20%2F%20100%25%20%231?u=jane%20doe%26co", join.Url);
    }

    [Fact]
    public void Label_ComesFromSettings()
    {
        Assert.Equal("Acme Meet", _provider.Label(Settings(Template).With("Custom_Provider_Label", "Acme Meet")));
        Assert.Equal("Custom", _provider.Label(Settings(Template)));
    }

    [Fact]
    public void Capabilities_ComeFromSettings()
    {
        var settings = Settings(Template).With("Custom_Provider_Capabilities", "mic,cam");

        Assert.Equal(new ProviderCapabilities(Mic: true, Cam: true, Title: false, PersistentChat: false), _provider.Capabilities(settings));
    }

    [Fact]
    public void Capabilities_WhenNoneConfigured_AreAllFalse()
    {
        Assert.Equal(new ProviderCapabilities(false, false, false, false), _provider.Capabilities(Settings(Template)));
    }

    [Fact]
    public void Capabilities_CanIncludeTitleAndPersistentChat()
    {
        var settings = Settings(Template).With("Custom_Provider_Capabilities", "title, persistentChat");

        Assert.Equal(new ProviderCapabilities(Mic: false, Cam: false, Title: true, PersistentChat: true), _provider.Capabilities(settings));
    }

    [Fact]
    public void IsConfigured_RequiresTheTemplate()
    {
        Assert.True(_provider.IsConfigured(Settings(Template)));
        Assert.False(_provider.IsConfigured(Settings(string.Empty)));
    }

    [Fact]
    public void Key_IsCustom()
    {
        Assert.Equal("custom", _provider.Key);
    }

    private static FakeSettingsReader Settings(string template) =>
        new FakeSettingsReader().With("Custom_Provider_URL_Template", template);
}
