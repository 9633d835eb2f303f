using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace VideoConf.Server.Http.OpenApi;

/// <summary>The body of an endpoint's 200 response, without the <c>success</c> key the envelope appends.</summary>
internal sealed record ApiSuccessDoc(OpenApiSchema Body);

/// <summary>One error body an endpoint answers with, shown as an example under its status in the document.</summary>
internal sealed record ApiErrorDoc(int Status, string Name, JsonObject Body)
{
    /// <summary>A bare failure: <c>{"success":false,"error":"code"}</c>.</summary>
    public static ApiErrorDoc Bare(string error, int status = StatusCodes.Status400BadRequest) =>
        new(status, error, new JsonObject { ["success"] = false, ["error"] = error });

    /// <summary>A domain error: <c>{"success":false,"error":"reason [code]","errorType":"code"}</c>.</summary>
    public static ApiErrorDoc Coded(string reason, string code) =>
        new(StatusCodes.Status400BadRequest, code, new JsonObject { ["success"] = false, ["error"] = $"{reason} [{code}]", ["errorType"] = code });

    public static readonly ApiErrorDoc Forbidden = Bare("unauthorized", StatusCodes.Status403Forbidden);
}

/// <summary>A description (and example) of one parameter, shown next to it in the document.</summary>
internal sealed record ApiParameterDoc(string Name, string Description, string? Example = null);
