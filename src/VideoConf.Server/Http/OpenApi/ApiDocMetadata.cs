using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using VideoConf.Server.Outcomes;

namespace VideoConf.Server.Http.OpenApi;

/// <summary>The body of an endpoint's 200 response, without the <c>success</c> key the envelope appends.</summary>
internal sealed record ApiSuccessDoc(OpenApiSchema Body);

/// <summary>One error body an endpoint answers with, shown as an example under its status in the document.</summary>
internal sealed record ApiErrorDoc(int Status, string Name, JsonObject Body)
{
    /// <summary>The failure as <see cref="ApiResults.Error"/> answers it, named by its code unless named here.</summary>
    public static ApiErrorDoc For(Failure failure, string? name = null) =>
        FromBody(ApiResults.StatusOf(failure.Kind), name ?? failure.Code, ApiResults.ErrorBody(failure));

    /// <summary>Lets a route list the failures it answers with as they are (<c>.Fails(Failure.Forbidden)</c>).</summary>
    public static implicit operator ApiErrorDoc(Failure failure) => For(failure);

    /// <summary>One of the contract's fixed error bodies that are neither kind of <see cref="Failure"/>.</summary>
    public static ApiErrorDoc FromBody(int status, string name, byte[] body) =>
        new(status, name, JsonNode.Parse(body)!.AsObject());
}

/// <summary>A description (and example) of one parameter, shown next to it in the document.</summary>
internal sealed record ApiParameterDoc(string Name, string Description, string? Example = null);
