using System.Globalization;
using System.Text.RegularExpressions;

namespace VideoConf.Server.Http.Validation;

/// <summary>
/// JavaScript's String(number) and Number(string), as AJV's type coercion relies on them, so that values coerce
/// exactly as Rocket.Chat's validators coerce them.
/// </summary>
internal static partial class JsCoercion
{
    /// <summary>JavaScript's <c>String(n)</c> for a finite or infinite double.</summary>
    public static string NumberToString(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0)
        {
            return "0";
        }
        var abs = Math.Abs(value);
        if (abs >= 1e21 || abs < 1e-6)
        {
            // JavaScript switches to exponent form here: "1e+21", "1e-7".
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            var e = text.IndexOf('E', StringComparison.Ordinal);
            if (e < 0)
            {
                return text;
            }
            var mantissa = text[..e];
            var exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
            return $"{mantissa}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent)}";
        }
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        return shortest.Contains('E', StringComparison.Ordinal) ? ExpandExponent(shortest) : shortest;
    }

    /// <summary>Writes "1.2345678901234568E+18" as JavaScript does in this range: "1234567890123456800".</summary>
    private static string ExpandExponent(string shortest)
    {
        var e = shortest.IndexOf('E', StringComparison.Ordinal);
        var exponent = int.Parse(shortest[(e + 1)..], CultureInfo.InvariantCulture);
        var mantissa = shortest[..e];
        var negative = mantissa.StartsWith('-');
        var unsigned = negative ? mantissa[1..] : mantissa;
        var point = unsigned.IndexOf('.', StringComparison.Ordinal);
        var digits = unsigned.Replace(".", string.Empty, StringComparison.Ordinal);
        var integerDigits = (point < 0 ? unsigned.Length : point) + exponent;
        string text;
        if (integerDigits <= 0)
        {
            text = "0." + new string('0', -integerDigits) + digits;
        }
        else if (integerDigits >= digits.Length)
        {
            text = digits + new string('0', integerDigits - digits.Length);
        }
        else
        {
            text = digits[..integerDigits] + "." + digits[integerDigits..];
        }
        return negative ? "-" + text : text;
    }

    /// <summary>
    /// AJV's string-to-number coercion: <c>data &amp;&amp; data == +data</c>. Returns false when the string is empty or
    /// JavaScript's Number() would give NaN.
    /// </summary>
    public static bool TryStringToNumber(string text, out double value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return false;
        }
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return true;
        }
        switch (trimmed)
        {
            case "Infinity" or "+Infinity":
                value = double.PositiveInfinity;
                return true;
            case "-Infinity":
                value = double.NegativeInfinity;
                return true;
        }
        if (trimmed.Length > 2 && trimmed[0] == '0' && trimmed[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            return TryParseRadix(trimmed, out value);
        }
        if (!DecimalLiteral().IsMatch(trimmed))
        {
            return false;
        }
        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseRadix(string text, out double value)
    {
        value = 0;
        var radix = char.ToLowerInvariant(text[1]) switch
        {
            'x' => 16,
            'o' => 8,
            'b' => 2,
            _ => 0,
        };
        if (radix == 0)
        {
            return false;
        }
        foreach (var c in text.AsSpan(2))
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (digit >= radix)
            {
                value = 0;
                return false;
            }
            value = (value * radix) + digit;
        }
        return true;
    }

    [GeneratedRegex(@"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalLiteral();
}
