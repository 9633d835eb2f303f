using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// A response with its body parsed as JSON, and the assertions on the contract's envelopes (§1.1): a success, an exact
/// body, a plain failure <c>{"success":false,"error":"code"}</c>, a failure with a reason
/// <c>{"success":false,"error":"reason [code]","errorType":"code"}</c>, and the fixed 401 and 403.
/// </summary>
public sealed record ApiResponse(HttpStatusCode Status, string Text, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
{
    public JsonNode Json => JsonNode.Parse(Text) ?? throw new InvalidOperationException("The body is JSON null.");

    public void AssertOk()
    {
        if (Status != HttpStatusCode.OK)
        {
            throw new Xunit.Sdk.XunitException($"Expected 200, got {(int)Status}: {Text}");
        }
        Assert.True(Json["success"]!.GetValue<bool>(), Text);
    }

    /// <summary>Asserts the status and that the body is exactly this JSON (same keys, same order, same values).</summary>
    public void AssertBody(HttpStatusCode status, string expectedJson)
    {
        Assert.True(status == Status, $"Expected {(int)status}, got {(int)Status}: {Text}");
        Assert.Equal(JsonNode.Parse(expectedJson)!.ToJsonString(), Json.ToJsonString());
    }

    /// <summary>Asserts a plain failure: exactly <c>{"success":false,"error":"code"}</c> with its status (400 unless given).</summary>
    public void AssertPlainFailure(string code, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        AssertBody(status, new JsonObject { ["success"] = false, ["error"] = code }.ToJsonString());

    /// <summary>Asserts exactly <c>{"success":false,"error":"reason [code]","errorType":"code"}</c> with status 400.</summary>
    public void AssertFailureWithReason(string code, string reason) =>
        AssertBody(HttpStatusCode.BadRequest, new JsonObject { ["success"] = false, ["error"] = $"{reason} [{code}]", ["errorType"] = code }.ToJsonString());

    /// <summary>Asserts a 400 failure with a reason and this code, whatever the reason's words.</summary>
    public void AssertFailureWithReason(string code)
    {
        Assert.True(Status == HttpStatusCode.BadRequest, $"Expected 400, got {(int)Status}: {Text}");
        Assert.Equal(["success", "error", "errorType"], Json.AsObject().Select(p => p.Key));
        Assert.False(Json["success"]!.GetValue<bool>());
        Assert.EndsWith($" [{code}]", Json["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(code, Json["errorType"]!.GetValue<string>());
    }

    /// <summary>Asserts a validation failure (§1.2): <c>"message [invalid-params]"</c>.</summary>
    public void AssertInvalidParams(string message) => AssertFailureWithReason("invalid-params", message);

    /// <summary>Asserts the 401 of a route that needs credentials.</summary>
    public void AssertNotLoggedIn() => AssertBody(HttpStatusCode.Unauthorized, ApiBodies.NotLoggedIn);

    /// <summary>Asserts the 403 of a missing permission.</summary>
    public void AssertForbidden() => AssertBody(HttpStatusCode.Forbidden, ApiBodies.Forbidden);

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) || ContentHeaders.TryGetValues(name, out values) ? string.Join(",", values) : null;
}
