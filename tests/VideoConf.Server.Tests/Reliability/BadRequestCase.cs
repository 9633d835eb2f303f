using System.Text;

namespace VideoConf.Server.Tests.Reliability;

/// <summary>
/// One generated bad request and what the server is allowed to do with it besides answering from the application.
/// </summary>
/// <param name="Endpoint">The route the request was generated from.</param>
/// <param name="Mutation">What was done to a valid request to make it bad.</param>
/// <param name="Method">The request's method.</param>
/// <param name="Target">The request target (path and query) as sent on the request line.</param>
/// <param name="Headers">The request's headers, in order.</param>
/// <param name="Body">The body, or null for none.</param>
/// <param name="ContentType">The <c>Content-Type</c> header, or null for none.</param>
/// <param name="ServerMayRefuse">
/// The request line or headers are too long or not decodable: Kestrel may refuse it before the application runs,
/// with a bare 4xx.
/// </param>
/// <param name="MayBeCutOff">
/// The body is over the limit, or the server may refuse the request before reading its body: the server answers and
/// closes while the client may still be sending, so the client can see the connection cut instead of the answer.
/// </param>
internal sealed record BadRequestCase(
    string Endpoint,
    string Mutation,
    HttpMethod Method,
    string Target,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body,
    string? ContentType,
    bool ServerMayRefuse,
    bool MayBeCutOff)
{
    /// <summary>True for routes under <c>/api</c>, whose every answer must be the JSON envelope.</summary>
    public bool IsApi => Target.StartsWith("/api", StringComparison.Ordinal);

    /// <summary>A short, printable account of the request for failure messages.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(Method).Append(' ').Append(Shorten(Target, 300)).Append(" [").Append(Endpoint).Append(" / ").Append(Mutation).Append(']');
        foreach (var (name, value) in Headers.Take(6))
        {
            text.Append("\n    ").Append(name).Append(": ").Append(Shorten(value, 80)).Append($" ({value.Length} chars)");
        }
        if (Headers.Count > 6)
        {
            text.Append($"\n    … {Headers.Count - 6} more headers");
        }
        if (ContentType is not null)
        {
            text.Append("\n    Content-Type: ").Append(ContentType);
        }
        if (Body is not null)
        {
            text.Append($"\n    body ({Body.Length} bytes): ").Append(Shorten(Printable(Body.AsSpan(0, Math.Min(Body.Length, 400))), 300));
        }
        return text.ToString();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : $"{text[..max]}…";

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : $"\\x{b:X2}");
        }
        return text.ToString();
    }
}
