using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using VideoConf.Server.RateLimiting;

namespace VideoConf.Server.Http.OpenApi;

/// <summary>
/// Describes each API operation from the metadata its route declares: Rocket.Chat-style operation ids, the
/// parameters of its validation schema, the credential headers, the 200 body in the success envelope and every
/// error body it can answer with.
/// </summary>
internal sealed class ApiOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var api = metadata.OfType<ApiEndpoint>().First();
        var document = context.Document ?? throw new InvalidOperationException("The operation transformer needs the document.");
        var method = context.Description.HttpMethod ?? HttpMethods.Get;
        var isGet = HttpMethods.IsGet(method);
        var path = context.Description.RelativePath ?? api.Route;
        var docs = metadata.OfType<ApiParameterDoc>().ToDictionary(d => d.Name, StringComparer.Ordinal);

        operation.OperationId = $"{method.ToLowerInvariant()}-{path.Replace('/', '-').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)}";
        operation.Description = string.Join(' ', new[] { operation.Description, RateLimitText(metadata.OfType<RateLimitPolicy>().FirstOrDefault()) }.Where(s => !string.IsNullOrEmpty(s)));

        var pathParameters = operation.Parameters?.Where(p => p.In == ParameterLocation.Path).ToList() ?? [];
        operation.Parameters = [.. ParameterDocs.Headers(api.Auth, document), .. pathParameters];
        if (isGet)
        {
            foreach (var parameter in ParameterDocs.Query(api.Schema, docs, document))
            {
                operation.Parameters.Add(parameter);
            }
            operation.RequestBody = null;
        }
        else
        {
            operation.RequestBody = api.Schema.Properties.Count > 0 || api.Schema.AnyOfRequired is { Count: > 0 } ? ParameterDocs.Body(api.Schema, docs) : null;
        }

        var success = metadata.OfType<ApiSuccessDoc>().LastOrDefault()
            ?? throw new InvalidOperationException($"{method} {path} declares no success body (Responds).");
        operation.Responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse { Description = "OK", Content = Json(DocSchema.WithSuccess(success.Body)) },
        };
        AddErrorResponses(operation.Responses, api, isGet, metadata.OfType<ApiErrorDoc>().ToList(), document);
        return Task.CompletedTask;
    }

    private static void AddErrorResponses(OpenApiResponses responses, ApiEndpoint api, bool isGet, List<ApiErrorDoc> errors, OpenApiDocument document)
    {
        var badRequests = errors.Where(e => e.Status == StatusCodes.Status400BadRequest).ToList();
        if (ParameterDocs.FirstValidationMessage(api.Schema) is { } message)
        {
            badRequests.Insert(0, new ApiErrorDoc(StatusCodes.Status400BadRequest, "Invalid parameters", new JsonObject
            {
                ["success"] = false,
                ["error"] = $"{message} [invalid-params]",
                ["errorType"] = "invalid-params",
            }));
        }
        if (badRequests.Count > 0)
        {
            responses["400"] = ErrorResponse("Bad Request", badRequests);
        }
        var unauthorized = errors.Where(e => e.Status == StatusCodes.Status401Unauthorized).ToList();
        if (unauthorized.Count > 0)
        {
            responses["401"] = ErrorResponse("Unauthorized", unauthorized);
        }
        else if (api.Auth != AuthMode.Optional)
        {
            responses["401"] = new OpenApiResponseReference(ApiDocumentTransformer.AuthorizationError, document);
        }
        var forbidden = errors.Where(e => e.Status == StatusCodes.Status403Forbidden).ToList();
        if (forbidden.Count > 0)
        {
            responses["403"] = ErrorResponse("Forbidden", forbidden);
        }
        if (!isGet)
        {
            responses["413"] = new OpenApiResponseReference(ApiDocumentTransformer.PayloadTooLarge, document);
        }
        // A route with 429s of its own lists them beside the rate limiter's.
        var tooMany = errors.Where(e => e.Status == StatusCodes.Status429TooManyRequests).ToList();
        responses["429"] = tooMany.Count > 0
            ? ErrorResponse("Too Many Requests", [ApiDocumentTransformer.RateLimited, .. tooMany])
            : new OpenApiResponseReference(ApiDocumentTransformer.TooManyRequests, document);
        var unavailable = errors.Where(e => e.Status == StatusCodes.Status503ServiceUnavailable).ToList();
        if (unavailable.Count > 0)
        {
            responses["503"] = ErrorResponse("Service Unavailable", unavailable);
        }
    }

    /// <summary>An error response whose schema covers every listed body, each shown as a named example.</summary>
    public static OpenApiResponse ErrorResponse(string description, IReadOnlyList<ApiErrorDoc> bodies)
    {
        var keys = bodies.SelectMany(b => b.Body.Select(p => p.Key)).Distinct(StringComparer.Ordinal).ToList();
        var schema = DocSchema.Object([.. keys.Select(key => (
            bodies.All(b => b.Body.ContainsKey(key)) ? key : key + "?",
            (IOpenApiSchema)(key == "success" ? DocSchema.Boolean() : DocSchema.String())))]);
        var content = Json(schema);
        content["application/json"].Examples = bodies
            .GroupBy(b => b.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IOpenApiExample)new OpenApiExample { Value = g.First().Body.DeepClone() }, StringComparer.Ordinal);
        return new OpenApiResponse { Description = description, Content = content };
    }

    public static Dictionary<string, OpenApiMediaType> Json(IOpenApiSchema schema) =>
        new(StringComparer.Ordinal) { ["application/json"] = new OpenApiMediaType { Schema = schema } };

    private static string RateLimitText(RateLimitPolicy? policy) => policy is null
        ? "Rate limiting: API_Enable_Rate_Limiter_Limit_Calls_Default requests per API_Enable_Rate_Limiter_Limit_Time_Default ms (10 per 60000ms by default)."
        : string.Create(CultureInfo.InvariantCulture, $"Rate limiting: {policy.Calls} requests per {(long)policy.Interval.TotalMilliseconds}ms.");
}
