using System.Text.Json.Nodes;
using VideoConf.Server.Http.Validation;

namespace VideoConf.Server.Tests.Http;

/// <summary>§1.2: <see cref="SchemaValidator.Validate"/> — check order, AJV messages and coercions, in isolation.</summary>
public sealed class SchemaValidatorTests
{
    /// <summary>Shaped like <c>video-conference.start</c> plus a number, to exercise every scalar type.</summary>
    private static readonly ObjectSchema StartLike = new(
        SchemaProperty.String("roomId", required: true),
        SchemaProperty.String("title", nullable: true),
        SchemaProperty.Boolean("allowRinging", nullable: true),
        SchemaProperty.Number("count"));

    /// <summary>Shaped like <c>video-conference.join</c>: a nested, nullable object schema.</summary>
    private static readonly ObjectSchema JoinLike = new(
        SchemaProperty.String("callId", required: true),
        SchemaProperty.Object("state", new ObjectSchema(
            SchemaProperty.Boolean("mic", nullable: true),
            SchemaProperty.Boolean("cam", nullable: true)), nullable: true));

    private static readonly ObjectSchema TwoRequired = new(
        SchemaProperty.String("roomId", required: true),
        SchemaProperty.String("userId", required: true));

    [Theory]
    [InlineData("{}", "must have required property 'roomId'")]
    [InlineData("""{"userId":"u"}""", "must have required property 'roomId'")]
    [InlineData("""{"roomId":"r"}""", "must have required property 'userId'")]
    [InlineData("""{"userId":[1],"extra":1}""", "must have required property 'roomId'")]
    public void Validate_WithMissingRequired_ReportsTheFirstInSchemaOrder(string json, string expected)
    {
        Assert.Equal(expected, SchemaValidator.Validate(Parse(json), TwoRequired));
    }

    [Fact]
    public void Validate_WithAdditionalAndWrongType_ReportsTheAdditionalFirst()
    {
        var error = SchemaValidator.Validate(Parse("""{"roomId":["r"],"title":{},"zzz":1}"""), StartLike);

        Assert.Equal("must NOT have additional properties", error);
    }

    [Fact]
    public void Validate_WithSeveralWrongTypes_ReportsTheFirstInSchemaOrderNotInputOrder()
    {
        var error = SchemaValidator.Validate(Parse("""{"count":"abc","allowRinging":"maybe","title":[],"roomId":"r"}"""), StartLike);

        Assert.Equal("must be string", error);
    }

    [Fact]
    public void Validate_WithLaterWrongTypes_ReportsTheNextInSchemaOrder()
    {
        var error = SchemaValidator.Validate(Parse("""{"count":"abc","allowRinging":"maybe","roomId":"r"}"""), StartLike);

        Assert.Equal("must be boolean", error);
    }

    [Theory]
    [InlineData("""{"roomid":"r"}""", "must have required property 'roomId'")]
    [InlineData("""{"ROOMID":"r"}""", "must have required property 'roomId'")]
    [InlineData("""{"roomId":"r","Title":"t"}""", "must NOT have additional properties")]
    public void Validate_ComparesNamesCaseSensitively(string json, string expected)
    {
        Assert.Equal(expected, SchemaValidator.Validate(Parse(json), StartLike));
    }

    [Theory]
    [InlineData("123", "123")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("1.0", "1")]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e400", "Infinity")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "")]
    [InlineData("\"already text\"", "already text")]
    public void Validate_WhereStringIsRequired_CoercesScalarsToText(string value, string expected)
    {
        var input = Parse($$"""{"roomId":{{value}}}""");

        Assert.Null(SchemaValidator.Validate(input, StartLike));
        Assert.Equal(expected, input["roomId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"true\"", true)]
    [InlineData("\"false\"", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("1.0", true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Validate_WhereBooleanIsRequired_CoercesTrueFalseOneAndZero(string value, bool expected)
    {
        var input = Parse($$"""{"roomId":"r","allowRinging":{{value}}}""");

        Assert.Null(SchemaValidator.Validate(input, StartLike));
        Assert.Equal(expected, input["allowRinging"]!.GetValue<bool>());
    }

    [Fact]
    public void Validate_WhereNonNullableBooleanGetsNull_CoercesToFalse()
    {
        var schema = new ObjectSchema(SchemaProperty.Boolean("readOnly"));
        var input = Parse("""{"readOnly":null}""");

        Assert.Null(SchemaValidator.Validate(input, schema));
        Assert.False(input["readOnly"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("\"TRUE\"")]
    [InlineData("\"True\"")]
    [InlineData("\"1\"")]
    [InlineData("\"0\"")]
    [InlineData("2")]
    [InlineData("-1")]
    [InlineData("0.5")]
    [InlineData("[true]")]
    [InlineData("{}")]
    public void Validate_WhereBooleanIsRequired_RejectsOtherValues(string value)
    {
        var error = SchemaValidator.Validate(Parse($$"""{"roomId":"r","allowRinging":{{value}}}"""), StartLike);

        Assert.Equal("must be boolean", error);
    }

    [Theory]
    [InlineData("\"12\"", 12)]
    [InlineData("\" 12 \"", 12)]
    [InlineData("\"1e2\"", 100)]
    [InlineData("\"-2.5\"", -2.5)]
    [InlineData("\"0x10\"", 16)]
    [InlineData("true", 1)]
    [InlineData("false", 0)]
    [InlineData("null", 0)]
    [InlineData("42", 42)]
    public void Validate_WhereNumberIsRequired_CoercesNumericStrings(string value, double expected)
    {
        var input = Parse($$"""{"roomId":"r","count":{{value}}}""");

        Assert.Null(SchemaValidator.Validate(input, StartLike));
        Assert.Equal(expected, input["count"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("\"12abc\"")]
    [InlineData("\"\"")]
    [InlineData("\"NaN\"")]
    [InlineData("[1]")]
    [InlineData("{\"n\":1}")]
    public void Validate_WhereNumberIsRequired_RejectsOtherValues(string value)
    {
        var error = SchemaValidator.Validate(Parse($$"""{"roomId":"r","count":{{value}}}"""), StartLike);

        Assert.Equal("must be number", error);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[\"r\"]")]
    [InlineData("{}")]
    [InlineData("{\"id\":\"r\"}")]
    public void Validate_WhereStringIsRequired_RejectsArraysAndObjects(string value)
    {
        var error = SchemaValidator.Validate(Parse($$"""{"roomId":{{value}}}"""), StartLike);

        Assert.Equal("must be string", error);
    }

    [Fact]
    public void Validate_WhereNullableGetsNull_KeepsNull()
    {
        var input = Parse("""{"roomId":"r","title":null,"allowRinging":null}""");

        Assert.Null(SchemaValidator.Validate(input, StartLike));
        Assert.Null(input["title"]);
        Assert.Null(input["allowRinging"]);
        Assert.True(input.ContainsKey("title"));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("0")]
    [InlineData("0.0")]
    [InlineData("false")]
    public void Validate_WhereNullableObjectGetsEmptyZeroOrFalse_CoercesToNull(string value)
    {
        // rest-typings' AJV treats a nullable property as also of type null and coerces "", 0 and false to it.
        var input = Parse($$"""{"callId":"c","state":{{value}}}""");

        Assert.Null(SchemaValidator.Validate(input, JoinLike));
        Assert.True(input.ContainsKey("state"));
        Assert.Null(input["state"]);
    }

    [Fact]
    public void Validate_WhereNullableBooleanGetsEmptyString_CoercesToNull()
    {
        var input = Parse("""{"roomId":"r","allowRinging":"","title":""}""");

        Assert.Null(SchemaValidator.Validate(input, StartLike));
        Assert.Equal("""{"roomId":"r","allowRinging":null,"title":""}""", input.ToJsonString());
    }

    [Theory]
    [InlineData("0", "false")]
    [InlineData("false", "false")]
    public void Validate_WhereNullableBooleanGetsZeroOrFalse_PrefersTheBoolean(string value, string expected)
    {
        var input = Parse($$"""{"roomId":"r","allowRinging":{{value}}}""");

        Assert.Null(SchemaValidator.Validate(input, StartLike));
        Assert.Equal(expected, input["allowRinging"]!.ToJsonString());
    }

    [Theory]
    [InlineData("\"on\"")]
    [InlineData("true")]
    [InlineData("1")]
    [InlineData("[]")]
    public void Validate_WhereObjectIsRequired_RejectsScalarsAndArrays(string value)
    {
        var error = SchemaValidator.Validate(Parse($$"""{"callId":"c","state":{{value}}}"""), JoinLike);

        Assert.Equal("must be object", error);
    }

    [Fact]
    public void Validate_WhereNonNullableObjectGetsNull_ReportsMustBeObject()
    {
        var schema = new ObjectSchema(SchemaProperty.Object("state", new ObjectSchema()));

        Assert.Equal("must be object", SchemaValidator.Validate(Parse("""{"state":null}"""), schema));
    }

    [Fact]
    public void Validate_NestedObject_CoercesItsPropertiesInPlace()
    {
        var input = Parse("""{"callId":"c","state":{"mic":"true","cam":0}}""");

        Assert.Null(SchemaValidator.Validate(input, JoinLike));
        Assert.Equal("""{"callId":"c","state":{"mic":true,"cam":false}}""", input.ToJsonString());
    }

    [Theory]
    [InlineData("""{"callId":"c","state":{"mic":"yes"}}""", "must be boolean")]
    [InlineData("""{"callId":"c","state":{"speaker":true}}""", "must NOT have additional properties")]
    [InlineData("""{"callId":"c","state":{"Mic":true}}""", "must NOT have additional properties")]
    public void Validate_NestedObject_AppliesItsOwnSchema(string json, string expected)
    {
        Assert.Equal(expected, SchemaValidator.Validate(Parse(json), JoinLike));
    }

    [Fact]
    public void Validate_NestedErrors_ComeAfterTopLevelAdditionalProperties()
    {
        var error = SchemaValidator.Validate(Parse("""{"state":{"speaker":true},"callId":"c","extra":1}"""), JoinLike);

        Assert.Equal("must NOT have additional properties", error);
    }

    [Fact]
    public void Validate_NestedErrors_ComeAfterEarlierPropertiesTypes()
    {
        var error = SchemaValidator.Validate(Parse("""{"state":{"mic":"yes"},"callId":[]}"""), JoinLike);

        Assert.Equal("must be string", error);
    }

    [Fact]
    public void Validate_NestedRequired_IsReportedWithItsName()
    {
        var schema = new ObjectSchema(SchemaProperty.Object("password", new ObjectSchema(
            SchemaProperty.String("digest", required: true),
            SchemaProperty.String("algorithm", required: true)), required: true));

        Assert.Equal("must have required property 'algorithm'", SchemaValidator.Validate(Parse("""{"password":{"digest":"d"}}"""), schema));
    }

    [Fact]
    public void Validate_ArrayOfStrings_CoercesItemsAndRejectsNestedArrays()
    {
        var schema = new ObjectSchema(SchemaProperty.ArrayOf("members", SchemaType.String));
        var input = Parse("""{"members":["a",1,true,null]}""");

        Assert.Null(SchemaValidator.Validate(input, schema));
        Assert.Equal("""["a","1","true",""]""", input["members"]!.ToJsonString());
        Assert.Equal("must be string", SchemaValidator.Validate(Parse("""{"members":["a",["b"]]}"""), schema));
        Assert.Equal("must be array", SchemaValidator.Validate(Parse("""{"members":"a,b"}"""), schema));
    }

    [Fact]
    public void Validate_AnyOfRequired_ReportsTheFirstAlternativeWhenNoneIsGiven()
    {
        var schema = new ObjectSchema(SchemaProperty.String("userId"), SchemaProperty.String("username"))
        {
            AnyOfRequired = ["userId", "username"],
        };

        Assert.Equal("must have required property 'userId'", SchemaValidator.Validate(Parse("{}"), schema));
        Assert.Null(SchemaValidator.Validate(Parse("""{"username":"u"}"""), schema));
        Assert.Equal("must have required property 'userId'", SchemaValidator.Validate(Parse("""{"other":1}"""), schema));
    }

    [Fact]
    public void Validate_WithMultipleTypes_NamesThemAllInTheMessage()
    {
        var schema = new ObjectSchema(SchemaProperty.OneOfTypes("password", SchemaType.String | SchemaType.Object));

        Assert.Equal("must be string,object", SchemaValidator.Validate(Parse("""{"password":[]}"""), schema));
        Assert.Null(SchemaValidator.Validate(Parse("""{"password":{"digest":"d"}}"""), schema));
    }

    [Fact]
    public void Validate_QueryStringValues_AreCoercedFromText()
    {
        var schema = new ObjectSchema(SchemaProperty.String("roomId", required: true), SchemaProperty.Number("offset"), SchemaProperty.Number("count"));
        var input = new JsonObject { ["roomId"] = "r", ["offset"] = "5", ["count"] = "10" };

        Assert.Null(SchemaValidator.Validate(input, schema));
        Assert.Equal(5, input["offset"]!.GetValue<double>());
        Assert.Equal(10, input["count"]!.GetValue<double>());
    }

    [Fact]
    public void Validate_QueryStringValueGivenTwice_IsAnArrayAndFailsTheScalarType()
    {
        var schema = new ObjectSchema(SchemaProperty.String("roomId"), SchemaProperty.Number("count"));

        Assert.Equal("must be number", SchemaValidator.Validate(new JsonObject { ["count"] = new JsonArray("1", "2") }, schema));
        Assert.Equal("must be string", SchemaValidator.Validate(new JsonObject { ["roomId"] = new JsonArray("a", "b") }, schema));
    }

    [Fact]
    public void Validate_EmptySchema_RejectsAnyProperty()
    {
        Assert.Null(SchemaValidator.Validate([], ObjectSchema.None));
        Assert.Equal("must NOT have additional properties", SchemaValidator.Validate(Parse("""{"a":1}"""), ObjectSchema.None));
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
