using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;

namespace VideoConf.Server.Tests.Reliability;

/// <summary>
/// Generators of bad parameter values, as raw JSON text (bytes, so they can hold invalid UTF-8) and as query-string
/// text: wrong types, nulls, huge and odd strings, deep nesting, numbers JavaScript and .NET disagree about. Real
/// ids from <see cref="BadInputWorld"/> are mixed in so that requests also get past the lookups.
/// </summary>
internal sealed class BadValues(BadInputWorld world)
{
    public const int OneMegabyte = 1024 * 1024;

    private static readonly JsonSerializerOptions RawUtf8 = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] OddStrings =
    [
        "", " ", "null", "undefined", "0", "-1", "1e400", "NaN", "Infinity", "true", "[]", "{}", "' OR 1=1 --",
        "\"; DROP TABLE users; --", "%", "_", "*", "../../etc/passwd", "\u0000", "a\u0000b", "\u202Egnp.exe", "😀", "ÄÖÜ",
        "\uFEFF", "a\r\nb", "<script>alert(1)</script>", "$where", "__proto__", "constructor", "{\"$gt\":\"\"}",
        "admin", "ADMIN", "\t", "0x10", "  7  ", "-0", "1,2,3", ",,,", "@", "a@b.c", "%00", "\\", "\"",
    ];

    /// <summary>Random text of a few characters, from printable ASCII up to any UTF-16 code unit (lone surrogates included).</summary>
    public Gen<string> Garbage { get; } = Gen.Frequency(
        (3, Gen.Char[' ', '~'].Array[0, 40].Select(c => new string(c))),
        (2, Gen.Char.Array[0, 20].Select(c => new string(c))),
        (1, Gen.OneOf(OddStrings)));

    /// <summary>Text from a kilobyte up to just under a megabyte; <paramref name="max"/> bounds it.</summary>
    public static Gen<string> Long(int max) =>
        Gen.Int[1024, max].SelectMany(length => Gen.Char['a', 'z'].Select(c => new string(c, length)));

    /// <summary>A bad or odd string; huge ones only when <paramref name="allowHuge"/> (stored fields stay small).</summary>
    public Gen<string> BadText(bool allowHuge) => Gen.Frequency(
        (12, Garbage),
        (3, RealId),
        (1, Long(12 * 1024)),
        (allowHuge ? 1 : 0, Long(OneMegabyte - 200)));

    public Gen<string> RealId => Gen.OneOf<string>([.. world.RoomIds, .. world.CallIds, .. world.UserIds, .. world.MessageIds, .. world.Usernames]);

    /// <summary>A plausible value of the right kind, as text (query strings carry nothing else).</summary>
    public Gen<string> PlausibleText(FieldKind kind) => kind switch
    {
        FieldKind.RoomId => Gen.OneOf<string>([.. world.RoomIds]),
        FieldKind.CallId => Gen.OneOf<string>([.. world.CallIds]),
        FieldKind.UserId => Gen.OneOf<string>([.. world.UserIds]),
        FieldKind.MessageId => Gen.OneOf<string>([.. world.MessageIds]),
        FieldKind.Username => Gen.OneOf<string>([.. world.Usernames]),
        FieldKind.Usernames => Gen.OneOf<string>([.. world.Usernames]).Array[1, 3].Select(names => string.Join(',', names)),
        FieldKind.SettingIds => Gen.OneOf<string>([.. FuzzEndpoints.ReadableSettings]).Array[1, 3].Select(ids => string.Join(',', ids)),
        FieldKind.Number => Gen.OneOf("0", "1", "-1", "2.9", "1e2", "-5", "100", "0.5", "abc", "1e400", "-1e400", "9999999999999", " "),
        FieldKind.Boolean => Gen.OneOf("true", "false", "1", "0", "yes"),
        _ => Gen.Char['a', 'z'].Array[1, 12].Select(c => new string(c)),
    };

    /// <summary>A value for a query string: plausible or bad text (the caller percent-encodes it).</summary>
    public Gen<string> QueryText(FieldKind kind) => Gen.Frequency((2, PlausibleText(kind)), (3, BadText(allowHuge: false)));

    /// <summary>A JSON value for a body field: usually of a wrong type or an odd value, sometimes a plausible one.</summary>
    public Gen<byte[]> FieldJson(FieldKind kind) => Gen.Frequency((1, PlausibleJson(kind)), (2, BadJson(kind)));

    /// <summary>A value of a wrong type, an odd or huge string, deep nesting, text that is not JSON, or thousands of usernames.</summary>
    public Gen<byte[]> BadJson(FieldKind kind) => Gen.Frequency(
        (3, BadText(allowHuge: kind is not (FieldKind.StoredText or FieldKind.AnyValue)).Select(JsonString)),
        (5, AnyJson(depth: 2)),
        (1, DeepJson),
        (1, BrokenJsonValue),
        (kind is FieldKind.UsernameArray or FieldKind.Usernames ? 4 : 0, ManyUsernames(kind)));

    /// <summary>A value of the right type, often a real id.</summary>
    public Gen<byte[]> PlausibleJson(FieldKind kind) => kind switch
    {
        FieldKind.Number => Gen.OneOf("0", "1", "-1", "2.9", "1e2", "\"10\"", "null").Select(Utf8),
        FieldKind.Boolean => Gen.OneOf("true", "false", "\"true\"", "1", "0", "null", "\"yes\"").Select(Utf8),
        FieldKind.Password => Gen.Frequency(
            (2, PlausibleText(FieldKind.Text).Select(JsonString)),
            (1, Gen.Char["0123456789abcdef"].Array[64].Select(hex => Utf8($$"""{"digest":"{{new string(hex)}}","algorithm":"sha-256"}""")))),
        FieldKind.UsernameArray => Gen.OneOf<string>([.. world.Usernames]).Array[0, 4].Select(names => Utf8(JsonSerializer.Serialize(names))),
        FieldKind.RoleArray => Gen.OneOf("[\"user\"]", "[\"admin\"]", "[\"bogus\"]", "[]", "[\"bot\",\"guest\"]").Select(Utf8),
        FieldKind.MediaState => Gen.OneOf("{\"mic\":true,\"cam\":false}", "{}", "{\"mic\":\"true\"}", "null", "{\"mic\":null}").Select(Utf8),
        FieldKind.AnyValue => Gen.OneOf("\"x\"", "1", "true", "false", "null", "30", "\"mic,cam\"", "\"jitsi\"", "\"custom\"", "\"googlemeet\"",
            "\"https://conf.example.org/{title}/{username}\"").Select(Utf8),
        _ => PlausibleText(kind).Select(JsonString),
    };

    /// <summary>Any JSON value up to <paramref name="depth"/> levels of arrays and objects.</summary>
    public Gen<byte[]> AnyJson(int depth)
    {
        var scalar = Gen.Frequency(
            (3, Gen.OneOf("null", "true", "false", "0", "-0", "1", "-1", "2.9", "1e400", "-1e400", "1e-400", "123456789012345678901234567890",
                "0.1e1", "1E2", "-2147483649", "9007199254740993", "\"\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u0000\"").Select(Utf8)),
            (2, Garbage.Select(JsonString)),
            (1, Gen.Int[100, 1000].Select(digits => Utf8(new string('9', digits)))));
        if (depth == 0)
        {
            return scalar;
        }
        var inner = AnyJson(depth - 1);
        return Gen.Frequency(
            (4, scalar),
            (1, inner.Array[0, 4].Select(items => Join("[", items, "]"))),
            (1, Gen.Select(Garbage, inner).Array[0, 4].Select(members =>
                Join("{", members.Select(m => Concat(JsonString(m.Item1), ":"u8.ToArray(), m.Item2)).ToArray(), "}"))));
    }

    /// <summary>Arrays or objects nested from a few levels to far past the parser's limit, closed or not.</summary>
    public static Gen<byte[]> DeepJson { get; } =
        from depth in Gen.Frequency((2, Gen.Int[2, 64]), (2, Gen.Int[65, 2000]), (1, Gen.Int[2000, 200_000]))
        from objects in Gen.Bool
        from closed in Gen.Bool
        select Nested(depth, objects, closed);

    private static byte[] Nested(int depth, bool objects, bool closed)
    {
        var text = new StringBuilder();
        text.Insert(0, objects ? "{\"a\":" : "[", depth);
        text.Append("1");
        if (closed)
        {
            text.Append(objects ? '}' : ']', depth);
        }
        return Utf8(text.ToString());
    }

    /// <summary>A value that is not JSON, or a string holding bytes that are not UTF-8.</summary>
    public static Gen<byte[]> BrokenJsonValue { get; } = Gen.Frequency(
        (2, Gen.OneOf("NaN", "Infinity", "undefined", "'single'", "0x10", "01", ".5", "+1", "\"\\u12\"", "\"\\x41\"", "\"unterminated",
            "tru", "nul", "[1,]", "{\"a\"}", "{\"a\":1,}", "\"a\nb\"", "\"\t\"", "1.", "-", "--1").Select(Utf8)),
        (2, Gen.Byte.Array[1, 8].Select(bytes => Concat("\""u8.ToArray(), bytes.Select(b => (byte)(b | 0x80)).ToArray(), "\""u8.ToArray()))),
        (1, Gen.OneOf(new byte[] { 0xC0, 0xAF }, [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF, 0xFE])
            .Select(bytes => Concat("\"a"u8.ToArray(), bytes, "b\""u8.ToArray()))));

    /// <summary>Thousands of distinct usernames, as an array or as the comma-separated text <c>im.create</c> takes.</summary>
    private static Gen<byte[]> ManyUsernames(FieldKind kind) =>
        Gen.Int[1_000, 60_000].Select(count =>
        {
            var names = Enumerable.Range(0, count).Select(i => $"u{i.ToString(CultureInfo.InvariantCulture)}").ToArray();
            return kind == FieldKind.Usernames ? JsonString(string.Join(',', names)) : Utf8(JsonSerializer.Serialize(names));
        });

    /// <summary>A JSON string literal, either escaped to ASCII or with raw UTF-8.</summary>
    public static byte[] JsonString(string value) =>
        value.Length % 2 == 0 ? JsonSerializer.SerializeToUtf8Bytes(value) : JsonSerializer.SerializeToUtf8Bytes(value, RawUtf8);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] Join(string open, byte[][] items, string close)
    {
        var result = new List<byte>(Encoding.UTF8.GetBytes(open));
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                result.Add((byte)',');
            }
            result.AddRange(items[i]);
        }
        result.AddRange(Encoding.UTF8.GetBytes(close));
        return [.. result];
    }
}
