using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using VideoConf.Server.Operations;
using VideoConf.Server.Outcomes;
using VideoConf.Server.RateLimiting;

namespace VideoConf.Server.Http.OpenApi;

/// <summary>
/// The document's own parts: title and version, no server list (the document is the same wherever it is served,
/// so the committed copy can be compared with it), and the shared components the operations refer to — the
/// credential headers, the paging parameters and the error bodies every route can answer with.
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string AuthorizationError = "authorizationError";
    public const string TooManyRequests = "tooManyRequests";
    public const string PayloadTooLarge = "payloadTooLarge";

    /// <summary>The rate limiter's refusal, which every route can answer with.</summary>
    public static readonly ApiErrorDoc RateLimited = ApiErrorDoc.For(RateLimitGate.TooManyRequests(1), "Rate limited");

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "VideoConf",
            Version = InfoEndpoints.ServerVersion,
            Description = $"Rocket.Chat's REST API (API level {InfoEndpoints.ApiLevel}) for accounts, rooms, settings and video conferences.",
        };
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.Parameters = new Dictionary<string, IOpenApiParameter>(StringComparer.Ordinal)
        {
            [ParameterDocs.UserIdHeader] = Header(ParameterDocs.UserIdHeader, "The user ID.", "CkCPNctrgCDfmWLqC"),
            [ParameterDocs.TokenHeader] = Header(ParameterDocs.TokenHeader, "The authentication token.", "1Dd4iN_ClKn5jl-xPC36snQ4s9Zd5GZnXCQuCNSKcVE"),
            [ParameterDocs.OffsetParameter] = Paging(ParameterDocs.OffsetParameter,
                "Number of items to \"skip\" in the query, i.e. requests return count items, skipping the first offset items."),
            [ParameterDocs.CountParameter] = Paging(ParameterDocs.CountParameter,
                "How many items to return (API_Default_Count by default, at most API_Upper_Count_Limit; 0 returns every item while API_Allow_Infinite_Count is on)."),
        };
        document.Components.Responses = new Dictionary<string, IOpenApiResponse>(StringComparer.Ordinal)
        {
            [AuthorizationError] = ApiOperationTransformer.ErrorResponse("Unauthorized", [ApiErrorDoc.FromBody(StatusCodes.Status401Unauthorized, "Authorization Error", ApiResults.UnauthorizedBody)]),
            [PayloadTooLarge] = ApiOperationTransformer.ErrorResponse("Payload Too Large", [Failure.PayloadTooLarge]),
            [TooManyRequests] = ApiOperationTransformer.ErrorResponse("Too Many Requests", [RateLimited]),
        };
        return Task.CompletedTask;
    }

    private static OpenApiParameter Header(string name, string description, string example) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = true,
        Schema = DocSchema.String(),
        Example = example,
        Description = description,
    };

    private static OpenApiParameter Paging(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Required = false,
        Schema = DocSchema.Integer(),
        Example = 50,
        Description = description,
    };
}
