using VideoConf.Server.Providers;
using static VideoConf.Server.Tests.Providers.ProviderExamples;

namespace VideoConf.Server.Tests.Providers;

public sealed class GoogleMeetProviderTests
{
    private const string ExampleUrl = "http://g.co/meet/RocketChat_69786d0ac8b05330207814bd";

    private readonly GoogleMeetProvider _provider = new();

    [Fact]
    public void Key_And_Label_AreGoogleMeet()
    {
        Assert.Equal("googlemeet", _provider.Key);
        Assert.Equal("Google Meet", _provider.Label(new FakeSettingsReader()));
    }

    [Fact]
    public void Capabilities_AreAllFalse()
    {
        Assert.Equal(new ProviderCapabilities(false, false, false, false), _provider.Capabilities(new FakeSettingsReader()));
    }

    [Fact]
    public void CallUrl_WithDefaults_IsTheWorkedExample()
    {
        Assert.Equal(ExampleUrl, _provider.CallUrl(Call(), new FakeSettingsReader()));
    }

    [Fact]
    public void JoinUrl_IsTheCallUrlWhateverTheUserAndState()
    {
        var settings = new FakeSettingsReader();

        var jane = _provider.JoinUrl(Call(), Jane, new MediaState(true, false), Now, settings);
        var other = _provider.JoinUrl(Call(), Other, NoState, Now, settings);

        Assert.Equal(ExampleUrl, jane.Url);
        Assert.Equal(ExampleUrl, other.Url);
        Assert.Null(jane.CreateMeetingRequest);
    }

    [Fact]
    public void CallUrl_UsesTheConfiguredPrefix()
    {
        var settings = new FakeSettingsReader().With("GoogleMeet_URL_Prefix", "Acme-");

        Assert.Equal("http://g.co/meet/Acme-69786d0ac8b05330207814bd", _provider.CallUrl(Call(), settings));
    }
}
