using VideoConf.Server.Http.Validation;

namespace VideoConf.Server.Tests.Http;

/// <summary>
/// §1.2: <see cref="JsCoercion"/> must give what JavaScript gives — <c>String(n)</c> for numbers turned into strings,
/// and AJV's <c>data &amp;&amp; data == +data</c> for strings turned into numbers. Expected values are JavaScript's.
/// </summary>
public sealed class JsCoercionTests
{
    [Theory]
    [InlineData(0d, "0")]
    [InlineData(123d, "123")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(9007199254740992d, "9007199254740992")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.5e21, "1.5e+21")]
    [InlineData(-1e21, "-1e+21")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1.5e-6, "0.0000015")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.23e-18, "1.23e-18")]
    [InlineData(double.MaxValue, "1.7976931348623157e+308")]
    [InlineData(double.Epsilon, "5e-324")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void NumberToString_MatchesJavaScriptString(double value, string expected)
    {
        Assert.Equal(expected, JsCoercion.NumberToString(value));
    }

    [Fact]
    public void NumberToString_OfNegativeZero_IsZero()
    {
        Assert.Equal("0", JsCoercion.NumberToString(-0d));
    }

    [Theory]
    [InlineData(1234567890123456789d, "1234567890123456800")]
    [InlineData(123456789012345680000d, "123456789012345680000")]
    [InlineData(1.2345678901234567e-6, "0.0000012345678901234567")]
    [InlineData(12345678901234567d, "12345678901234568")]
    public void NumberToString_KeepsEverySignificantDigitOfLargeAndTinyNumbers(double value, string expected)
    {
        Assert.Equal(expected, JsCoercion.NumberToString(value));
    }

    [Theory]
    [InlineData("12", 12d)]
    [InlineData(" 12 ", 12d)]
    [InlineData("\t12\n", 12d)]
    [InlineData("00012", 12d)]
    [InlineData("1e2", 100d)]
    [InlineData("1E2", 100d)]
    [InlineData("1e+2", 100d)]
    [InlineData("2.5e-1", 0.25)]
    [InlineData("-2.5", -2.5)]
    [InlineData("+5", 5d)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5d)]
    [InlineData("0x1F", 31d)]
    [InlineData("0X1f", 31d)]
    [InlineData("0b101", 5d)]
    [InlineData("0o17", 15d)]
    [InlineData("   ", 0d)]
    [InlineData("Infinity", double.PositiveInfinity)]
    [InlineData("+Infinity", double.PositiveInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    [InlineData("1e400", double.PositiveInfinity)]
    public void TryStringToNumber_AcceptsWhatJavaScriptNumberAccepts(string text, double expected)
    {
        Assert.True(JsCoercion.TryStringToNumber(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("0e5", 0d)]
    [InlineData("0E0", 0d)]
    [InlineData("0e-3", 0d)]
    public void TryStringToNumber_ReadsZeroWithExponentAsDecimal(string text, double expected)
    {
        Assert.True(JsCoercion.TryStringToNumber(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12abc")]
    [InlineData("1,5")]
    [InlineData("1_000")]
    [InlineData("NaN")]
    [InlineData("infinity")]
    [InlineData("1e")]
    [InlineData(".")]
    [InlineData("0x")]
    [InlineData("0xG")]
    [InlineData("-0x10")]
    [InlineData("+0x10")]
    [InlineData("0b2")]
    [InlineData("0o8")]
    [InlineData("0n")]
    [InlineData("12 34")]
    public void TryStringToNumber_RejectsWhatJavaScriptReadsAsNaNOrAjvSkips(string text)
    {
        Assert.False(JsCoercion.TryStringToNumber(text, out _));
    }
}
