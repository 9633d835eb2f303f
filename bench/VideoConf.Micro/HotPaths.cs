using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using VideoConf.Server.Accounts;
using VideoConf.Server.Http;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Storage;
using VideoConf.Server.VideoConferences;

namespace VideoConf.Micro;

/// <summary>What every list request or call change pays for besides the store.</summary>
[MemoryDiagnoser]
public class HotPaths
{
    private static readonly ObjectSchema ListSchema = new(SchemaProperty.String("roomId", required: true), Paging.OffsetProperty, Paging.CountProperty);
    private CallRecord _call = null!;
    private byte[] _json = null!;

    [GlobalSetup]
    public void Setup()
    {
        var now = new DateTime(2026, 1, 27, 7, 45, 14, 533, DateTimeKind.Utc);
        var actor = new CallActor("fRv4qm8ycWHXSA7af", "Jane Doe", "jane.doe");
        _call = new CallRecord("69786d0ac8b05330207814bd", CallType.Conference, "674eca3e43725ce31dd9a2e8", 1,
            [new CallUser("fRv4qm8ycWHXSA7af", "jane.doe", "Jane Doe", null, now)], "8AqsmsMXDePKfDbHv", CallStatus.Started, 0, "ui-test",
            now, actor, "jitsi", true, "https://meet.jit.si/RocketChat69786d0ac8b05330207814bd", null, null, now, null, null, null);
        _json = CallJson.Serialize(_call);
    }

    /// <summary>Rewriting a call's stored JSON after a change.</summary>
    [Benchmark]
    public byte[] SerializeCall() => CallJson.Serialize(_call);

    /// <summary>Reading a call back for a change (join, cancel, timeout).</summary>
    [Benchmark]
    public CallRecord DeserializeCall() => CallJson.Deserialize(_json, 1, null, null, null);

    /// <summary>Validating a list query as received.</summary>
    [Benchmark]
    public string? ValidateListQuery() =>
        SchemaValidator.Validate(new JsonObject { ["roomId"] = "674eca3e43725ce31dd9a2e8", ["count"] = "50", ["offset"] = "0" }, ListSchema);

    /// <summary>Hashing a token to look its session up.</summary>
    [Benchmark]
    public string HashToken() => Tokens.Hash("1Dd4iN_ClKn5jl-xPC36snQ4s9Zd5GZnXCQuCNSKcVE");
}
