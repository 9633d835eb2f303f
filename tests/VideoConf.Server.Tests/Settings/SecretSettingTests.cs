using System.Net;
using System.Text;
using VideoConf.Server.Settings;
using VideoConf.Server.Tests.Infrastructure;
using static VideoConf.Server.Tests.Settings.SettingsScenario;

namespace VideoConf.Server.Tests.Settings;

/// <summary>Secret settings (contract §6.4, §7, quality bar S1): masked in responses, encrypted at rest, never logged.</summary>
public sealed class SecretSettingTests
{
    [Theory]
    [InlineData("Jitsi_Application_Secret")]
    [InlineData("BigBlueButton_Shared_Secret")]
    public async Task SecretSetting_AfterChange_ReadsBackMasked(string id)
    {
        await using var factory = new VideoConfFactory();
        var admin = await factory.LoginAdminAsync();
        var secret = NewSecret();

        (await SetSettingAsync(admin, id, $"\"{secret}\"")).AssertBody(HttpStatusCode.OK, """{"success":true}""");

        var response = await GetSettingAsync(admin, id);
        response.AssertBody(HttpStatusCode.OK, SettingJson(id, $"\"{Mask}\""));
        Assert.DoesNotContain(secret, response.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Jitsi_Application_Secret")]
    [InlineData("BigBlueButton_Shared_Secret")]
    public async Task SecretSetting_AfterChange_IsNeverListedBySettingsPublic(string id)
    {
        await using var factory = new VideoConfFactory();
        var admin = await factory.LoginAdminAsync();
        var secret = NewSecret();
        (await SetSettingAsync(admin, id, $"\"{secret}\"")).AssertOk();

        var filtered = await factory.CreateApiClient().GetAsync($"settings.public?_id={id}");
        var all = await admin.GetAsync("settings.public?count=0");

        filtered.AssertBody(HttpStatusCode.OK, """{"settings":[],"count":0,"offset":0,"total":0,"success":true}""");
        all.AssertOk();
        Assert.DoesNotContain(id, all.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, all.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretSetting_IsNotStoredInPlainTextInTheSqliteFiles()
    {
        await using var factory = new VideoConfFactory();
        var admin = await factory.LoginAdminAsync();
        var jitsi = NewSecret();
        var bbb = NewSecret();

        (await SetSettingAsync(admin, "Jitsi_Application_Secret", $"\"{jitsi}\"")).AssertOk();
        (await SetSettingAsync(admin, "BigBlueButton_Shared_Secret", $"\"{bbb}\"")).AssertOk();

        // The server is in force with these values (so they were written somewhere), yet no store file holds them.
        var settings = factory.GetService<SettingsService>();
        Assert.Equal(jitsi, settings.GetString("Jitsi_Application_Secret"));
        Assert.Equal(bbb, settings.GetString("BigBlueButton_Shared_Secret"));
        var bytes = await factory.ReadStoreBytesAsync();
        Assert.NotEmpty(bytes);
        foreach (var secret in new[] { jitsi, bbb })
        {
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, "the store holds a secret in plain text");
            Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) < 0, "the store holds a secret in UTF-16");
        }
    }

    [Fact]
    public async Task SecretSetting_IsNeverWrittenToTheLog()
    {
        await using var factory = new VideoConfFactory();
        var admin = await factory.LoginAdminAsync();
        var secret = NewSecret();

        (await SetSettingAsync(admin, "Jitsi_Application_Secret", $"\"{secret}\"")).AssertOk();
        (await GetSettingAsync(admin, "Jitsi_Application_Secret")).AssertOk();

        Assert.NotEmpty(factory.Logs.Lines);
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecretSetting_AfterRestartOnTheSameStore_IsStillInForceAndMasked()
    {
        var secret = NewSecret();
        var first = new VideoConfFactory();
        await using (first)
        {
            var admin = await first.LoginAdminAsync();
            (await SetSettingAsync(admin, "BigBlueButton_Shared_Secret", $"\"{secret}\"")).AssertOk();
        }

        await using var second = VideoConfFactory.OnSameStoreAs(first);
        var again = await second.LoginAdminAsync();

        (await GetSettingAsync(again, "BigBlueButton_Shared_Secret")).AssertBody(HttpStatusCode.OK, SettingJson("BigBlueButton_Shared_Secret", $"\"{Mask}\""));
        Assert.Equal(secret, second.GetService<SettingsService>().GetString("BigBlueButton_Shared_Secret"));
    }

    [Fact]
    public async Task SecretSetting_WithAWrongType_ReturnsInvalidParams()
    {
        await using var factory = new VideoConfFactory();
        var admin = await factory.LoginAdminAsync();

        var response = await SetSettingAsync(admin, "Jitsi_Application_Secret", """{"secret":"x"}""");

        response.AssertInvalidParams("must be string");
    }

    private static string NewSecret() => $"plain-secret-{Guid.NewGuid():N}";
}
