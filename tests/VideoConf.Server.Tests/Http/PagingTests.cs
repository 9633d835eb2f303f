using System.Text.Json.Nodes;
using VideoConf.Server.Http;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Http;

/// <summary>§5: <see cref="Paging.From"/> on parameters as the query string delivers them, after validation.</summary>
public sealed class PagingTests
{
    private static readonly ObjectSchema PagingSchema = new(Paging.OffsetProperty, Paging.CountProperty);

    [Fact]
    public async Task From_WithoutParameters_UsesOffsetZeroAndDefaultCount50()
    {
        var settings = await TestSettings.CreateAsync();

        var paging = Paging.From(Query(), settings);

        Assert.Equal(new Paging(0, 50), paging);
        Assert.False(paging.IsUnbounded);
    }

    [Theory]
    [InlineData("10", 10)]
    [InlineData("100", 100)]
    [InlineData("101", 100)]
    [InlineData("5000", 100)]
    [InlineData("2.9", 2)]
    [InlineData("1.0000001", 1)]
    [InlineData("1e2", 100)]
    [InlineData("1e1", 10)]
    [InlineData("2.5e1", 25)]
    [InlineData("-3", 3)]
    [InlineData("-3.7", 3)]
    [InlineData("-100", 100)]
    [InlineData("-101", 100)]
    [InlineData("1e20", 100)]
    [InlineData("-1e20", 100)]
    [InlineData("-2147483648", 100)]
    [InlineData("Infinity", 100)]
    [InlineData("-Infinity", 100)]
    public async Task From_WithCount_TruncatesTakesMagnitudeAndCapsAt100(string count, int expected)
    {
        var settings = await TestSettings.CreateAsync();

        var paging = Paging.From(Query(count: count), settings);

        Assert.Equal(expected, paging.Limit);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.5")]
    [InlineData("-0.5")]
    public async Task From_WithZeroCount_IsUnboundedWhenInfiniteCountIsAllowed(string count)
    {
        var settings = await TestSettings.CreateAsync();

        var paging = Paging.From(Query(count: count), settings);

        Assert.True(paging.IsUnbounded);
        Assert.Null(paging.Limit);
    }

    [Fact]
    public async Task From_WithZeroCount_WhenInfiniteCountIsDisallowed_UsesTheDefaultCountAsRocketChatDoes()
    {
        var settings = await TestSettings.CreateAsync(
            ("Settings:API_Allow_Infinite_Count", "false"),
            ("Settings:API_Default_Count", "7"),
            ("Settings:API_Upper_Count_Limit", "20"));

        var paging = Paging.From(Query(count: "0"), settings);

        Assert.False(paging.IsUnbounded);
        Assert.Equal(7, paging.Limit);
    }

    [Fact]
    public async Task From_WithNonZeroCount_WhenInfiniteCountIsDisallowed_StillCaps()
    {
        var settings = await TestSettings.CreateAsync(("Settings:API_Allow_Infinite_Count", "false"));

        var paging = Paging.From(Query(count: "500"), settings);

        Assert.Equal(100, paging.Limit);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    [InlineData("7.9", 7)]
    [InlineData("1e2", 100)]
    [InlineData("-1", 0)]
    [InlineData("-1e20", 0)]
    [InlineData("1e20", int.MaxValue)]
    [InlineData("2147483648", int.MaxValue)]
    [InlineData("Infinity", int.MaxValue)]
    public async Task From_WithOffset_TruncatesAndClampsNegativeToZero(string offset, int expected)
    {
        var settings = await TestSettings.CreateAsync();

        var paging = Paging.From(Query(offset: offset), settings);

        Assert.Equal(expected, paging.Offset);
        Assert.Equal(50, paging.Limit);
    }

    [Fact]
    public async Task From_WithConfiguredDefaultAndCap_UsesThem()
    {
        var settings = await TestSettings.CreateAsync(("Settings:API_Default_Count", "7"), ("Settings:API_Upper_Count_Limit", "20"));

        Assert.Equal(7, Paging.From(Query(), settings).Limit);
        Assert.Equal(20, Paging.From(Query(count: "21"), settings).Limit);
        Assert.Equal(20, Paging.From(Query(count: "-21"), settings).Limit);
        Assert.Equal(19, Paging.From(Query(count: "19"), settings).Limit);
    }

    [Fact]
    public async Task From_WithNumbersFromJsonBody_AppliesTheSameRules()
    {
        var settings = await TestSettings.CreateAsync();
        var values = new JsonObject { ["offset"] = -2.5, ["count"] = 3.99 };
        Assert.Null(SchemaValidator.Validate(values, PagingSchema));

        var paging = Paging.From(new ApiParams(values), settings);

        Assert.Equal(new Paging(0, 3), paging);
    }

    /// <summary>Parameters as the query string gives them (strings), validated and coerced by the schema.</summary>
    private static ApiParams Query(string? offset = null, string? count = null)
    {
        var values = new JsonObject();
        if (offset is not null)
        {
            values["offset"] = offset;
        }
        if (count is not null)
        {
            values["count"] = count;
        }
        Assert.Null(SchemaValidator.Validate(values, PagingSchema));
        return new ApiParams(values);
    }
}
