using System.Text;
using CsCheck;

namespace VideoConf.Server.Tests.Reliability;

/// <summary>
/// Generates bad requests over every endpoint (quality bar R2): bad query strings and bodies, wrong methods and
/// paths, missing, empty, garbage or mismatched credentials, odd extra headers, oversized parts. Built from CsCheck
/// generators, so a run is fixed by its seed.
/// </summary>
internal sealed class BadRequestGenerator
{
    /// <summary>Kestrel's default limits on the request line, on all headers together and on their number (with some margin).</summary>
    private const int RequestLineLimit = 6_000;
    private const int HeadersLimit = 24_000;
    private const int HeaderCountLimit = 90;

    private static readonly string[] OtherMethods = ["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"];

    private static readonly string[] OddQuerySegments =
    [
        "", "=", "&", "a", "a=", "%", "%zz=1", "a=%FF%FE", "a=%C0%AF", "a=%ED%A0%80", "a=%E2%82", "roomId[]=x", "roomId[$ne]=x",
        "__proto__[x]=1", ";", "a=b;c=d", "count=1&count=2", "+=+", "%00=%00", "callId=%00",
    ];

    private readonly BadInputWorld _world;
    private readonly BadValues _values;

    public BadRequestGenerator(BadInputWorld world)
    {
        _world = world;
        _values = new BadValues(world);
        var payloads = FuzzEndpoints.All.ToDictionary(e => e, e => e.IsPost ? BodyPayload(e) : QueryPayload(e));
        Cases =
            from endpoint in Gen.OneOf<FuzzEndpoint>([.. FuzzEndpoints.All])
            from payload in payloads[endpoint]
            from method in Gen.Frequency((18, Gen.Const(endpoint.Method)), (1, Gen.Const(endpoint.IsPost ? "GET" : "POST")), (1, Gen.OneOf(OtherMethods)))
            from path in PathOf(endpoint, method)
            from auth in Auth
            from extra in ExtraHeaders
            select Assemble(endpoint, payload, method, path, auth, extra);
    }

    public Gen<BadRequestCase> Cases { get; }

    private sealed record Payload(string Mutation, string Query, byte[]? Body, string? ContentType);

    private sealed record Credentials(string Mutation, IReadOnlyList<KeyValuePair<string, string>> Headers, bool Valid, bool Latin1);

    private Gen<Payload> QueryPayload(FuzzEndpoint endpoint)
    {
        var segment = Gen.Frequency(
            (endpoint.Fields.Length == 0 ? 0 : 6, FieldOf(endpoint)
                .SelectMany(f => _values.QueryText(f.Kind).Select(v => $"{f.Name}={Encode(v)}"))),
            (endpoint.Fields.Length == 0 ? 0 : 2, FieldOf(endpoint)
                .SelectMany(f => _values.QueryText(f.Kind).Array[2, 3].Select(vs => string.Join('&', vs.Select(v => $"{f.Name}={Encode(v)}"))))),
            (endpoint.Fields.Length == 0 ? 0 : 1, FieldOf(endpoint)
                .SelectMany(f => Gen.OneOf("%FF", "%", "%E2%82", "%ED%A0%80", "%C0%AF", "%u0041").Select(v => $"{f.Name}={v}"))),
            (endpoint.Fields.Length == 0 ? 0 : 1, FieldOf(endpoint)
                .Select(f => $"{char.ToUpperInvariant(f.Name[0])}{f.Name[1..]}=x")),
            (2, Gen.Select(_values.Garbage, _values.QueryText(FieldKind.Text)).Select(p => $"{Encode(p.Item1)}={Encode(p.Item2)}")),
            (2, Gen.OneOf(OddQuerySegments)));
        var free = segment.Array[0, 6];
        var oneBad = FieldOf(endpoint).SelectMany(bad =>
        {
            var segments = Gen.Const(Array.Empty<string>());
            foreach (var field in endpoint.Fields)
            {
                var value = field == bad ? Gen.Frequency((3, segment), (1, Gen.Const($"{field.Name}="))) : _values.PlausibleText(field.Kind).Select(v => $"{field.Name}={Encode(v)}");
                segments = segments.SelectMany(list => value.Select(v => (string[])[.. list, v]));
            }
            return segments;
        });
        return
            from segments in Gen.Frequency((endpoint.Fields.Length == 0 ? 0 : 1, oneBad), (1, free))
            from bareMark in Gen.Bool
            let query = string.Join('&', segments)
            select new Payload($"query of {segments.Length} parts", query.Length == 0 && !bareMark ? string.Empty : "?" + query, null, null);
    }

    private Gen<Payload> BodyPayload(FuzzEndpoint endpoint)
    {
        var json = "application/json";
        var objectBody = ObjectBody(endpoint);
        return Gen.Frequency(
            (45, objectBody.Select(b => new Payload("JSON object", string.Empty, b, json))),
            (8, Gen.Select(objectBody, Corruption).Select(p => new Payload($"corrupted JSON ({p.Item2.Name})", string.Empty, p.Item2.Apply(p.Item1), json))),
            (6, BadValues.DeepJson.Select(b => new Payload("deep nesting", string.Empty, b, json))),
            (5, _values.AnyJson(depth: 3).Select(b => new Payload("JSON that is not an object", string.Empty, b, json))),
            (4, BadValues.BrokenJsonValue.Select(b => new Payload("not JSON", string.Empty, b, json))),
            (4, Gen.Byte.Array[0, 2000].Select(b => new Payload("random bytes", string.Empty, b, json))),
            (4, QueryPayload(endpoint).Select(q => new Payload("form body", string.Empty, BadValues.Utf8(q.Query.TrimStart('?')), "application/x-www-form-urlencoded"))),
            (3, Gen.OneOf("", " ", "\r\n\t ", "\uFEFF").Select(s => new Payload("empty body", string.Empty, BadValues.Utf8(s), json))),
            (3, BadValues.Long(BadValues.OneMegabyte - 40).Select(s => new Payload("megabyte string", string.Empty,
                BadValues.Concat("{\"x\":"u8.ToArray(), BadValues.JsonString(s), "}"u8.ToArray()), json))),
            (2, Gen.Int[BadValues.OneMegabyte + 1, 3 * BadValues.OneMegabyte].Select(n => new Payload("body over 1 MB", string.Empty,
                BadValues.Concat("{\"roomId\":\""u8.ToArray(), Enumerable.Repeat((byte)'a', n - 14).ToArray(), "\"}"u8.ToArray()), json))),
            (4, Gen.Select(objectBody, Gen.OneOf<string?>(null, "text/plain", "application/xml", "application/json; charset=utf-16",
                    "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*", ";;;", "application/json; charset=\"\\\""))
                .Select(p => new Payload($"content type {p.Item2 ?? "none"}", string.Empty, p.Item1, p.Item2))));
    }

    /// <summary>
    /// Either a plausible body with exactly one bad field (which gets past validation of the others and reaches the
    /// lookups and the store), or every field present or not with a good or bad value; plus, sometimes, unknown,
    /// repeated or miscased keys.
    /// </summary>
    private Gen<byte[]> ObjectBody(FuzzEndpoint endpoint)
    {
        var oneBad = FieldOf(endpoint).SelectMany(bad => Members(endpoint, field => field == bad ? _values.BadJson(field.Kind) : _values.PlausibleJson(field.Kind), presence: 9));
        var free = Members(endpoint, field => _values.FieldJson(field.Kind), presence: 7);
        var extra = Gen.Frequency(
            (3, Gen.Select(_values.Garbage, _values.AnyJson(depth: 1)).Select(p => BadValues.Concat(BadValues.JsonString(p.Item1), ":"u8.ToArray(), p.Item2))),
            (endpoint.Fields.Length == 0 ? 0 : 1, FieldOf(endpoint)
                .SelectMany(f => _values.FieldJson(f.Kind).Select(v => BadValues.Concat(BadValues.JsonString(f.Name.ToUpperInvariant()), ":"u8.ToArray(), v)))),
            (endpoint.Fields.Length == 0 ? 0 : 1, FieldOf(endpoint)
                .SelectMany(f => _values.FieldJson(f.Kind).Select(v => BadValues.Concat(BadValues.JsonString(f.Name), ":"u8.ToArray(), v)))));
        return
            from known in Gen.Frequency((endpoint.Fields.Length == 0 ? 0 : 1, oneBad), (1, free))
            from added in Gen.Frequency((5, Gen.Const(Array.Empty<byte[]>())), (1, extra.Array[1, 3]))
            select BadValues.Concat([.. Join([.. known, .. added])]);
    }

    /// <summary>Each field as a <c>"name":value</c> member, present <paramref name="presence"/> times in ten.</summary>
    private static Gen<List<byte[]>> Members(FuzzEndpoint endpoint, Func<FuzzField, Gen<byte[]>> value, int presence)
    {
        var members = Gen.Const(new List<byte[]>());
        foreach (var field in endpoint.Fields)
        {
            var member = Gen.Frequency(
                (presence, value(field).Select(v => (byte[]?)BadValues.Concat(BadValues.JsonString(field.Name), ":"u8.ToArray(), v))),
                (10 - presence, Gen.Const((byte[]?)null)));
            members = members.SelectMany(list => member.Select(m => m is null ? list : [.. list, m]));
        }
        return members;
    }

    /// <summary>One of the endpoint's fields (callers give this no weight when there are none).</summary>
    private static Gen<FuzzField> FieldOf(FuzzEndpoint endpoint) =>
        endpoint.Fields.Length == 0 ? Gen.Const(new FuzzField("unused", FieldKind.Text)) : Gen.OneOf<FuzzField>([.. endpoint.Fields]);

    private static IEnumerable<byte[]> Join(IReadOnlyList<byte[]> members)
    {
        yield return "{"u8.ToArray();
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                yield return ","u8.ToArray();
            }
            yield return members[i];
        }
        yield return "}"u8.ToArray();
    }

    private sealed record BodyCorruption(string Name, Func<byte[], byte[]> Apply);

    /// <summary>Ways to break a valid body: cut it, splice bytes that are not UTF-8 into it, add garbage around it.</summary>
    private static readonly Gen<BodyCorruption> Corruption =
        from at in Gen.Double[0, 1]
        from bytes in Gen.OneOf(new byte[] { 0xFF }, [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x00], [(byte)'"'], [(byte)'\\'], [(byte)'}'])
        from kind in Gen.Int[0, 4]
        select kind switch
        {
            0 => new BodyCorruption("truncated", b => b[..(int)(b.Length * at)]),
            1 => new BodyCorruption("bytes spliced in", b => BadValues.Concat(b[..(int)(b.Length * at)], bytes, b[(int)(b.Length * at)..])),
            2 => new BodyCorruption("trailing garbage", b => BadValues.Concat(b, bytes, "xyz"u8.ToArray())),
            3 => new BodyCorruption("byte order mark", b => BadValues.Concat([0xEF, 0xBB, 0xBF], b)),
            _ => new BodyCorruption("wrapped in an array", b => BadValues.Concat("["u8.ToArray(), b, "]"u8.ToArray())),
        };

    private Gen<string> PathOf(FuzzEndpoint endpoint, string method)
    {
        var settingId = method == "POST"
            ? Gen.Frequency((3, Gen.OneOf<string>([.. FuzzEndpoints.ChangeableSettings])), (2, _values.Garbage.Select(Encode)))
            : Gen.Frequency((3, Gen.OneOf<string>([.. FuzzEndpoints.ReadableSettings])), (2, _values.Garbage.Select(Encode)));
        var path = endpoint.Path.Contains("{id}", StringComparison.Ordinal)
            ? settingId.Select(id => endpoint.Path.Replace("{id}", id, StringComparison.Ordinal))
            : Gen.Const(endpoint.Path);
        var route = endpoint.Path[(endpoint.Path.LastIndexOf('/') + 1)..];
        return Gen.Frequency(
            (24, path),
            (1, path.Select(p => p + "/")),
            (1, path.Select(p => p.ToUpperInvariant())),
            (1, path.Select(p => p.Replace("/api/v1/", "/api/v1//", StringComparison.Ordinal))),
            (1, _values.Garbage.Select(g => $"/api/v1/{Encode(g)}")),
            (1, Gen.OneOf($"/api/v2/{route}", $"/api/{route}", $"/api/v1/{route}%2F..", $"/api/v1/{route}.json", "/api", "/api/v1/")),
            (1, Gen.Int[9_000, 20_000].Select(n => $"/api/v1/{new string('a', n)}")));
    }

    private Gen<Credentials> Auth
    {
        get
        {
            var (adminId, adminToken) = _world.Admin;
            var (userId, userToken) = _world.User;
            var ascii = _values.Garbage.Select(HeaderSafe);
            return Gen.Frequency(
                (3, Gen.Const(Creds("no credentials"))),
                (1, Gen.Const(Creds("empty credentials", ("X-User-Id", ""), ("X-Auth-Token", "")))),
                (1, Gen.Const(Creds("user id only", ("X-User-Id", userId)))),
                (1, Gen.Const(Creds("token only", ("X-Auth-Token", userToken)))),
                (2, ascii.Select(t => Creds("wrong token", ("X-User-Id", userId), ("X-Auth-Token", t)))),
                (1, Gen.Select(ascii, ascii).Select(p => Creds("garbage credentials", ("X-User-Id", p.Item1), ("X-Auth-Token", p.Item2)))),
                (1, Gen.Int[500, 6_000].Select(n => Creds("long token", ("X-User-Id", userId), ("X-Auth-Token", new string('t', n))))),
                (1, Gen.Const(Creds("credentials given twice", ("X-User-Id", userId), ("X-Auth-Token", userToken), ("X-Auth-Token", userToken)))),
                (1, Gen.Const(Creds("another user's token", ("X-User-Id", adminId), ("X-Auth-Token", userToken)))),
                (1, Gen.Char['\u0080', '\u00FF'].Array[1, 20].Select(c => new Credentials("non-ASCII credentials",
                    [new("X-User-Id", userId), new("X-Auth-Token", new string(c))], Valid: false, Latin1: true))),
                (8, Gen.Const(Creds("user", valid: true, ("X-User-Id", userId), ("X-Auth-Token", userToken)))),
                (5, Gen.Const(Creds("admin", valid: true, ("X-User-Id", adminId), ("X-Auth-Token", adminToken)))));
        }
    }

    private static Credentials Creds(string mutation, params (string Name, string Value)[] headers) => Creds(mutation, valid: false, headers);

    private static Credentials Creds(string mutation, bool valid, params (string Name, string Value)[] headers) =>
        new(mutation, headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList(), valid, Latin1: false);

    private Gen<IReadOnlyList<KeyValuePair<string, string>>> ExtraHeaders
    {
        get
        {
            var ascii = _values.Garbage.Select(HeaderSafe);
            return Gen.Frequency<IReadOnlyList<KeyValuePair<string, string>>>(
                (20, Gen.Const<IReadOnlyList<KeyValuePair<string, string>>>([])),
                (1, ascii.Select(v => One("Origin", v))),
                (1, ascii.Select(v => One("X-Forwarded-For", v))),
                (1, ascii.Select(v => One("X-Real-IP", v))),
                (1, ascii.Select(v => One("Authorization", "Bearer " + v))),
                (1, ascii.Select(v => One("Cookie", v))),
                (1, Gen.OneOf("gzip", "br", "deflate, gzip", "identity").Select(v => One("Content-Encoding", v))),
                (1, Gen.OneOf("text/html", "*/*", "application/xml", ";").Select(v => One("Accept", v))),
                (1, Gen.OneOf("DELETE", "GET", "PUT").Select(v => One("X-HTTP-Method-Override", v))),
                (1, Gen.Int[9_000, 40_000].Select(n => One("X-Padding", new string('p', n)))),
                (1, Gen.Int[50, 150].Select(n => (IReadOnlyList<KeyValuePair<string, string>>)Enumerable.Range(0, n)
                    .Select(i => new KeyValuePair<string, string>($"X-Extra-{i}", new string('e', 100))).ToList())));
        }
    }

    private static IReadOnlyList<KeyValuePair<string, string>> One(string name, string value) => [new(name, value)];

    private static BadRequestCase Assemble(FuzzEndpoint endpoint, Payload payload, string method, string path, Credentials auth,
        IReadOnlyList<KeyValuePair<string, string>> extra)
    {
        var credentials = auth.Headers;
        if (auth.Valid && endpoint.Path.EndsWith("/logout", StringComparison.Ordinal))
        {
            // A valid logout would end the session the rest of the run uses; a spoiled token still exercises the route.
            credentials = credentials.Select(h => h.Key == "X-Auth-Token" ? new KeyValuePair<string, string>(h.Key, h.Value + "x") : h).ToList();
        }
        var headers = credentials.Concat(extra).ToList();
        var target = path + payload.Query;
        var headerBytes = headers.Sum(h => h.Key.Length + h.Value.Length + 4);
        // Kestrel refuses a path holding an encoded NUL (%00) as a bad request line.
        var serverMayRefuse = target.Length > RequestLineLimit || path.Contains("%00", StringComparison.Ordinal)
            || headerBytes > HeadersLimit || headers.Count > HeaderCountLimit || auth.Latin1;
        return new BadRequestCase(
            endpoint.Name,
            $"{payload.Mutation}; {auth.Mutation}{(extra.Count > 0 ? $"; {extra.Count} extra header(s)" : string.Empty)}",
            new HttpMethod(method),
            target,
            headers,
            payload.Body,
            payload.ContentType,
            serverMayRefuse,
            MayBeCutOff: payload.Body?.Length > BadValues.OneMegabyte || (serverMayRefuse && payload.Body?.Length > 0));
    }

    /// <summary>Percent-encodes every byte of the text's UTF-8 outside the unreserved set, so the client sends it as it is.</summary>
    public static string Encode(string text)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }

    /// <summary>Printable ASCII only: the HTTP client refuses control characters in headers.</summary>
    private static string HeaderSafe(string value) =>
        new(value.Select(c => c is >= ' ' and <= '~' ? c : 'x').ToArray());
}
