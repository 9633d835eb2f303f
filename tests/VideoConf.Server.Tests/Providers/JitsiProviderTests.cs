using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VideoConf.Server.Providers;
using static VideoConf.Server.Tests.Providers.ProviderExamples;

namespace VideoConf.Server.Tests.Providers;

public sealed class JitsiProviderTests
{
    private const string CallUrl = "https://meet.jit.si/RocketChat69786d0ac8b05330207814bd";
    private const string AppId = "videoconf-app";

    // 256 bits or more, as RFC 7518 §3.2 requires of an HS256 key.
    private const string Secret = "a-jitsi-application-secret-of-forty-bytes";

    private readonly JitsiProvider _provider = new();

    [Fact]
    public void Key_And_Label_AreJitsi()
    {
        Assert.Equal("jitsi", _provider.Key);
        Assert.Equal("Jitsi", _provider.Label(new FakeSettingsReader()));
    }

    [Fact]
    public void Capabilities_AreMicCamAndTitle()
    {
        Assert.Equal(new ProviderCapabilities(Mic: true, Cam: true, Title: true, PersistentChat: false), _provider.Capabilities(new FakeSettingsReader()));
    }

    [Fact]
    public void CallUrl_WithDefaults_IsTheWorkedExample()
    {
        Assert.Equal(CallUrl, _provider.CallUrl(Call(), new FakeSettingsReader()));
    }

    [Fact]
    public void CallUrl_WhenSslIsOff_UsesHttp()
    {
        var settings = new FakeSettingsReader().With("Jitsi_SSL", false);

        Assert.Equal("http://meet.jit.si/RocketChat69786d0ac8b05330207814bd", _provider.CallUrl(Call(), settings));
    }

    [Fact]
    public void CallUrl_UsesTheConfiguredDomainAndPrefix()
    {
        var settings = new FakeSettingsReader().With("Jitsi_Domain", "jitsi.example.org").With("Jitsi_URL_Room_Prefix", "Team");

        Assert.Equal("https://jitsi.example.org/Team69786d0ac8b05330207814bd", _provider.CallUrl(Call(), settings));
    }

    [Fact]
    public void JoinUrl_WithMicOnAndCamOff_IsTheWorkedExample()
    {
        var join = _provider.JoinUrl(Call(), Jane, new MediaState(Mic: true, Cam: false), Now, new FakeSettingsReader());

        Assert.Equal(
            "https://meet.jit.si/RocketChat69786d0ac8b05330207814bd#config.startWithAudioMuted=false&config.startWithVideoMuted=true&userInfo.displayName=%22Jane%20Doe%22",
            join.Url);
        Assert.Null(join.CreateMeetingRequest);
    }

    [Fact]
    public void JoinUrl_WithMicOffAndCamOn_InvertsBothFlags()
    {
        var join = _provider.JoinUrl(Call(), Jane, new MediaState(Mic: false, Cam: true), Now, new FakeSettingsReader());

        Assert.Equal(
            CallUrl + "#config.startWithAudioMuted=true&config.startWithVideoMuted=false&userInfo.displayName=%22Jane%20Doe%22",
            join.Url);
    }

    [Fact]
    public void JoinUrl_WithoutMediaState_OmitsTheMuteFlags()
    {
        var join = _provider.JoinUrl(Call(), Jane, NoState, Now, new FakeSettingsReader());

        Assert.Equal(CallUrl + "#userInfo.displayName=%22Jane%20Doe%22", join.Url);
    }

    [Fact]
    public void JoinUrl_WithOnlyCamGiven_HasOnlyTheVideoFlag()
    {
        var join = _provider.JoinUrl(Call(), Jane, new MediaState(Mic: null, Cam: true), Now, new FakeSettingsReader());

        Assert.Equal(CallUrl + "#config.startWithVideoMuted=false&userInfo.displayName=%22Jane%20Doe%22", join.Url);
    }

    [Fact]
    public void JoinUrl_WithoutTokenAuth_HasNoJwt()
    {
        var join = _provider.JoinUrl(Call(), Jane, NoState, Now, new FakeSettingsReader());

        Assert.DoesNotContain("jwt=", join.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void IsConfigured_WithTokenAuthButNoSecret_IsFalse()
    {
        var settings = TokenAuthSettings().With("Jitsi_Application_Secret", string.Empty);

        Assert.False(_provider.IsConfigured(settings));
        Assert.True(_provider.IsConfigured(TokenAuthSettings()));
        Assert.True(_provider.IsConfigured(new FakeSettingsReader()));
    }

    [Fact]
    public void IsConfigured_WithTokenAuthButNoApplicationId_IsFalse()
    {
        Assert.False(_provider.IsConfigured(TokenAuthSettings().With("Jitsi_Application_ID", string.Empty)));
    }

    [Fact]
    public void JoinUrl_WithTokenAuth_PutsTheJwtBeforeTheFragment()
    {
        var join = _provider.JoinUrl(Call(), Jane, new MediaState(Mic: true, Cam: false), Now, TokenAuthSettings());

        Assert.StartsWith(CallUrl + "?jwt=", join.Url, StringComparison.Ordinal);
        Assert.EndsWith("#config.startWithAudioMuted=false&config.startWithVideoMuted=true&userInfo.displayName=%22Jane%20Doe%22", join.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JoinUrl_WithTokenAuth_CarriesAnHs256TokenThatValidatesAgainstTheSecret()
    {
        var token = TokenOf(_provider.JoinUrl(Call(), Jane, NoState, Now, TokenAuthSettings()).Url);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)),
            ValidIssuer = AppId,
            ValidAudience = AppId,
            // The token is checked at the example's fixed instant below, not against the machine clock.
            ValidateLifetime = false,
        });

        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public void JoinUrl_WithTokenAuth_SignsHeaderAndPayloadWithHmacSha256OfTheSecret()
    {
        var token = TokenOf(_provider.JoinUrl(Call(), Jane, NoState, Now, TokenAuthSettings()).Url);
        var parts = token.Split('.');

        Assert.Equal(3, parts.Length);
        var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!;
        Assert.Equal("HS256", header["alg"]!.GetValue<string>());
        Assert.Equal("JWT", header["typ"]!.GetValue<string>());
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        Assert.Equal(Base64UrlEncoder.Encode(expected), parts[2]);
    }

    [Fact]
    public void JoinUrl_WithTokenAuth_TokenHasTheContractsClaims()
    {
        var token = TokenOf(_provider.JoinUrl(Call(), Jane, NoState, Now, TokenAuthSettings()).Url);
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[1]))!;
        var issuedAt = Now.ToUnixTimeSeconds();

        Assert.Equal(AppId, payload["aud"]!.GetValue<string>());
        Assert.Equal(AppId, payload["iss"]!.GetValue<string>());
        Assert.Equal("meet.jit.si", payload["sub"]!.GetValue<string>());
        Assert.Equal("RocketChat69786d0ac8b05330207814bd", payload["room"]!.GetValue<string>());
        Assert.Equal(issuedAt, payload["iat"]!.GetValue<long>());
        Assert.Equal(issuedAt, payload["nbf"]!.GetValue<long>());
        Assert.Equal(issuedAt + 3600, payload["exp"]!.GetValue<long>());
        Assert.Equal(
            """{"id":"fRv4qm8ycWHXSA7af","name":"Jane Doe","email":"jane.doe@example.org"}""",
            payload["context"]!["user"]!.ToJsonString());
    }

    [Fact]
    public void JoinUrl_WithTokenAuth_SignsEachUserSeparately()
    {
        var janes = TokenOf(_provider.JoinUrl(Call(), Jane, NoState, Now, TokenAuthSettings()).Url);
        var others = TokenOf(_provider.JoinUrl(Call(), Other, NoState, Now, TokenAuthSettings()).Url);
        var otherPayload = JsonNode.Parse(Base64UrlEncoder.Decode(others.Split('.')[1]))!;

        Assert.NotEqual(janes, others);
        Assert.Equal(OtherUserId, otherPayload["context"]!["user"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void JoinUrl_DisplayName_IsAJsonStringThatDecodesBackToTheName()
    {
        var join = _provider.JoinUrl(Call(), Jane with { Name = "José \"Pepe\" <Ü> & co" }, NoState, Now, new FakeSettingsReader());

        var encoded = join.Url[(join.Url.IndexOf("#userInfo.displayName=", StringComparison.Ordinal) + "#userInfo.displayName=".Length)..];
        Assert.DoesNotContain('&', encoded);
        Assert.DoesNotContain(' ', encoded);
        Assert.Equal("José \"Pepe\" <Ü> & co", JsonNode.Parse(Uri.UnescapeDataString(encoded))!.GetValue<string>());
    }

    [Fact]
    public void JoinUrl_WithTokenAuthAndAShortSecret_StillSignsTheTokenWithTheSecret()
    {
        // Rocket.Chat signs with whatever secret the admin configured; a short one must not make every join fail.
        const string shortSecret = "jitsi-key";
        var settings = TokenAuthSettings().With("Jitsi_Application_Secret", shortSecret);

        var token = TokenOf(_provider.JoinUrl(Call(), Jane, NoState, Now, settings).Url);

        var parts = token.Split('.');
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(shortSecret), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        Assert.Equal(Base64UrlEncoder.Encode(expected), parts[2]);
    }

    private static FakeSettingsReader TokenAuthSettings() => new FakeSettingsReader()
        .With("Jitsi_Enabled_TokenAuth", true)
        .With("Jitsi_Application_ID", AppId)
        .With("Jitsi_Application_Secret", Secret);

    private static string TokenOf(string url)
    {
        var start = url.IndexOf("?jwt=", StringComparison.Ordinal);
        Assert.True(start > 0, $"No ?jwt= in {url}");
        var end = url.IndexOf('#', start);
        return end < 0 ? url[(start + 5)..] : url[(start + 5)..end];
    }
}
