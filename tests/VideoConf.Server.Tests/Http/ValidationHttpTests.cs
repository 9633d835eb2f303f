using System.Net;
using VideoConf.Server.Tests.Infrastructure;
using VideoConf.Server.Tests.Rooms;

namespace VideoConf.Server.Tests.Http;

/// <summary>§1.2 through real endpoints: check order, messages, coercions and query-string rules.</summary>
public sealed class ValidationHttpTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    [Fact]
    public async Task UsersInfo_WithNeitherUserIdNorUsername_ReportsUserIdMissing()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.GetAsync("users.info");

        response.AssertInvalidParams("must have required property 'userId'");
    }

    [Fact]
    public async Task UsersInfo_WithUsername_ReturnsTheUser()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.GetAsync("users.info?username=admin");

        response.AssertOk();
        Assert.Equal("admin", response.Json["user"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task UsersInfo_WithDifferentlyCasedName_DoesNotCountItAsUserId()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.GetAsync("users.info?UserId=abc");

        response.AssertInvalidParams("must have required property 'userId'");
    }

    [Theory]
    [InlineData("username=admin&Username=admin")]
    [InlineData("Username=admin&username=admin")]
    [InlineData("userId=abc&USERID=abc")]
    public async Task UsersInfo_WithDifferentlyCasedExtraName_ReportsAdditionalProperty(string query)
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.GetAsync($"users.info?{query}");

        response.AssertInvalidParams("must NOT have additional properties");
    }

    [Fact]
    public async Task UsersInfo_WithEmptyUnknownParameter_ReportsAdditionalProperty()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.GetAsync("users.info?username=admin&fields=");

        response.AssertInvalidParams("must NOT have additional properties");
    }

    [Fact]
    public async Task UsersInfo_WithUserIdGivenTwice_ReportsMustBeString()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.GetAsync("users.info?userId=a&userId=b");

        response.AssertInvalidParams("must be string");
    }

    [Fact]
    public async Task UsersInfo_WithUnknownUser_ReturnsUserNotFound()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.GetAsync("users.info?username=nobody.here");

        response.AssertPlainFailure("User not found.");
    }

    [Fact]
    public async Task UsersInfo_WithoutCredentials_ChecksAuthenticationBeforeParameters()
    {
        var response = await factory.CreateApiClient().GetAsync("users.info?bogus=1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task Create_AsGuestWithInvalidParameters_ReportsValidationBeforePermission()
    {
        var guest = await factory.CreateUserAsync("validation.guest", "guest");

        var invalid = await guest.PostAsync("channels.create", new { });
        var valid = await guest.PostAsync("channels.create", new { name = "guest-room" });

        invalid.AssertInvalidParams("must have required property 'name'");
        valid.AssertForbidden();
    }

    [Fact]
    public async Task ChangeSetting_AsNonAdminWithInvalidParameters_ReportsValidationBeforePermission()
    {
        var user = await factory.CreateUserAsync("validation.plain.user");

        var invalid = await user.PostAsync("settings/API_Enable_CORS", new { value = true, extra = 1 });
        var valid = await user.PostAsync("settings/API_Enable_CORS", new { value = true });

        invalid.AssertInvalidParams("must NOT have additional properties");
        valid.AssertForbidden();
    }

    [Fact]
    public async Task Create_WithMissingNameAndAdditionalProperty_ReportsTheRequiredFirst()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.create", """{"bogus":1,"readOnly":"maybe"}""");

        response.AssertInvalidParams("must have required property 'name'");
    }

    [Fact]
    public async Task Create_WithAdditionalPropertyAndWrongType_ReportsTheAdditionalFirst()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.create", """{"readOnly":"maybe","name":"order-room","bogus":1}""");

        response.AssertInvalidParams("must NOT have additional properties");
    }

    [Fact]
    public async Task Create_WithDifferentlyCasedProperty_ReportsAdditionalProperty()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.create", """{"name":"case-room","ReadOnly":true}""");

        response.AssertInvalidParams("must NOT have additional properties");
    }

    [Fact]
    public async Task Create_WithOnlyDifferentlyCasedName_ReportsNameMissing()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.create", """{"Name":"case-room"}""");

        response.AssertInvalidParams("must have required property 'name'");
    }

    [Fact]
    public async Task Create_WithSeveralWrongTypes_ReportsTheFirstInSchemaOrderNotBodyOrder()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.create", """{"readOnly":"maybe","members":"alice","name":["x"]}""");

        response.AssertInvalidParams("must be string");
    }

    [Fact]
    public async Task Create_WithMembersNotAnArrayAndBadReadOnly_ReportsMembersFirst()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.create", """{"readOnly":"maybe","members":"alice","name":"types-room"}""");

        response.AssertInvalidParams("must be array");
    }

    [Theory]
    [InlineData("""{"name":["x"]}""", "must be string")]
    [InlineData("""{"name":{"first":"x"}}""", "must be string")]
    [InlineData("""{"name":"bool-room","readOnly":"yes"}""", "must be boolean")]
    [InlineData("""{"name":"bool-room","readOnly":"TRUE"}""", "must be boolean")]
    [InlineData("""{"name":"bool-room","readOnly":"1"}""", "must be boolean")]
    [InlineData("""{"name":"bool-room","readOnly":2}""", "must be boolean")]
    [InlineData("""{"name":"bool-room","readOnly":[true]}""", "must be boolean")]
    [InlineData("""{"name":"bool-room","readOnly":{}}""", "must be boolean")]
    [InlineData("""{"name":"list-room","members":{"0":"admin"}}""", "must be array")]
    [InlineData("""{"name":"list-room","members":[["admin"]]}""", "must be string")]
    public async Task Create_WithWrongType_ReportsTheTypeMessage(string body, string message)
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.create", body);

        response.AssertInvalidParams(message);
    }

    [Theory]
    [InlineData("4711", "4711")]
    [InlineData("1e2", "100")]
    [InlineData("2.50", "2.5")]
    [InlineData("-7", "-7")]
    [InlineData("1234567890123456789", "1234567890123456800")]
    public async Task Create_WithNumericName_CoercesItToJavaScriptsText(string number, string expected)
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.create", $$"""{"name":{{number}}}""");

        response.AssertOk();
        Assert.Equal(expected, response.Json["channel"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithBooleanName_CoercesItToItsText()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.create", """{"name":true}""");

        response.AssertOk();
        Assert.Equal("true", response.Json["channel"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithNullName_CoercesItToEmptyStringInsteadOfTypeError()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.create", """{"name":null}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.Json["success"]!.GetValue<bool>());
        Assert.NotEqual("invalid-params", response.Json["errorType"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("ro-string-true", "\"true\"", true)]
    [InlineData("ro-string-false", "\"false\"", false)]
    [InlineData("ro-one", "1", true)]
    [InlineData("ro-zero", "0", false)]
    [InlineData("ro-null", "null", false)]
    [InlineData("ro-true", "true", true)]
    public async Task Create_WithCoercibleReadOnly_StoresTheBoolean(string name, string readOnly, bool expected)
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.create", $$"""{"name":"{{name}}","readOnly":{{readOnly}}}""");

        response.AssertOk();
        Assert.Equal(expected, response.Json["channel"]!["ro"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("{}", "must have required property 'roomId'")]
    [InlineData("""{"userId":"u"}""", "must have required property 'roomId'")]
    [InlineData("""{"roomId":"r"}""", "must have required property 'userId'")]
    [InlineData("""{"roomId":"r","userId":"u","RoomId":"r"}""", "must NOT have additional properties")]
    [InlineData("""{"roomId":["r"],"userId":{}}""", "must be string")]
    public async Task Invite_WithInvalidParameters_ReportsTheFirstFailure(string body, string message)
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.invite", body);

        response.AssertInvalidParams(message);
    }

    [Fact]
    public async Task Invite_WithNumberAndBooleanIds_CoercesThemAndLooksTheRoomUp()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.invite", """{"roomId":12345,"userId":true}""");

        response.AssertBody(HttpStatusCode.BadRequest, RoomScenario.RoomNotFoundJson("channel"));
    }

    [Fact]
    public async Task Invite_WithNullRoomId_CoercesItToEmptyString()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("channels.invite", """{"roomId":null,"userId":"u"}""");

        response.AssertBody(HttpStatusCode.BadRequest, RoomScenario.RoomNotFoundJson("channel"));
    }

    [Theory]
    [InlineData("count=abc", "must be number")]
    [InlineData("count=12abc", "must be number")]
    [InlineData("offset=NaN", "must be number")]
    [InlineData("count=1&count=2", "must be number")]
    [InlineData("_id=API_Enable_CORS&_id=API_CORS_Origin", "must be string")]
    [InlineData("Count=10", "must NOT have additional properties")]
    [InlineData("count=abc&query=%7B%7D", "must NOT have additional properties")]
    [InlineData("_id=a&_id=b&count=abc", "must be string")]
    public async Task SettingsPublic_WithInvalidQuery_ReportsTheFirstFailure(string query, string message)
    {
        var response = await factory.CreateApiClient().GetAsync($"settings.public?{query}");

        response.AssertInvalidParams(message);
    }

    [Fact]
    public async Task SettingsPublic_WithNumericCount_ReadsItAsNumber()
    {
        var response = await factory.CreateApiClient().GetAsync("settings.public?count=10");

        response.AssertOk();
        Assert.Equal(10, response.Json["settings"]!.AsArray().Count);
        Assert.Equal(10, response.Json["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task SettingsPublic_WithEmptyCountAndOffset_TreatsThemAsAbsent()
    {
        var response = await factory.CreateApiClient().GetAsync("settings.public?count=&offset=");

        response.AssertOk();
        Assert.Equal(24, response.Json["count"]!.GetValue<int>());
        Assert.Equal(0, response.Json["offset"]!.GetValue<int>());
        Assert.Equal(24, response.Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task SettingsPublic_WithEmptyIdFilter_KeepsItAsEmptyStringAndListsEverything()
    {
        var response = await factory.CreateApiClient().GetAsync("settings.public?_id=");

        response.AssertOk();
        Assert.Equal(24, response.Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task SettingsPublic_WithIdFilter_ListsOnlyThosePublicSettings()
    {
        var response = await factory.CreateApiClient().GetAsync("settings.public?_id=API_CORS_Origin,API_Enable_CORS,Jitsi_Application_Secret");

        response.AssertOk();
        var settings = response.Json["settings"]!.AsArray().Select(s => s!.ToJsonString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["""{"_id":"API_CORS_Origin","value":"*"}""", """{"_id":"API_Enable_CORS","value":false}"""], settings);
        Assert.Equal(2, response.Json["count"]!.GetValue<int>());
        Assert.Equal(2, response.Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task ChangeSetting_WithValueOfWrongType_ReturnsInvalidParams()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("settings/API_Enable_CORS", new { value = "yes" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid-params", response.Json["errorType"]!.GetValue<string>());
    }

    [Fact]
    public async Task ChangeSetting_WithoutValue_ReportsValueMissing()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("settings/API_Enable_CORS", new { Value = true });

        response.AssertInvalidParams("must have required property 'value'");
    }

    [Fact]
    public async Task ChangeSetting_WithUnknownId_ReturnsSettingNotFound()
    {
        var admin = await factory.LoginAdminAsync();

        var response = await admin.PostAsync("settings/No_Such_Setting", new { value = true });

        response.AssertPlainFailure("error-setting-not-found");
    }
}
