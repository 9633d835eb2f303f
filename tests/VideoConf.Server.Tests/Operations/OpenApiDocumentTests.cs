using System.Net;
using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Http;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Operations;

/// <summary>§8: the OpenAPI document served at <c>/api/openapi.json</c>, and its committed copy in <c>docs/</c>.</summary>
public sealed class OpenApiDocumentTests(VideoConfFactory factory) : IClassFixture<VideoConfFactory>
{
    private const string DocumentPath = "/api/openapi.json";

    /// <summary>Set to 1 to rewrite docs/openapi.json from the served document instead of comparing.</summary>
    private const string UpdateVariable = "VIDEOCONF_UPDATE_OPENAPI";

    [Fact]
    public async Task Document_IsServedToAnonymousCallersAsJson()
    {
        var response = await factory.CreateApiClient().GetAsync(DocumentPath);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.ContentHeaders.ContentType?.MediaType);
        Assert.StartsWith("3.0", response.Json["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_EqualsTheCommittedCopy()
    {
        var served = (await factory.CreateApiClient().GetAsync(DocumentPath)).Text.ReplaceLineEndings("\n");
        var committedPath = Path.Combine(RepositoryRoot(), "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(committedPath, served);
        }
        var committed = File.Exists(committedPath) ? (await File.ReadAllTextAsync(committedPath)).ReplaceLineEndings("\n") : "";

        Assert.True(served == committed,
            $"The served OpenAPI document differs from docs/openapi.json. If the change is intended, rewrite the copy: " +
            $"{UpdateVariable}=1 dotnet test --filter FullyQualifiedName~OpenApiDocumentTests, and commit it.");
    }

    [Fact]
    public async Task Document_ReadsBackWithoutErrorsOrRuleViolations()
    {
        var text = (await factory.CreateApiClient().GetAsync(DocumentPath)).Text;

        var result = Microsoft.OpenApi.OpenApiDocument.Parse(text, "json");

        Assert.Empty(result.Diagnostic?.Errors ?? []);
        Assert.NotNull(result.Document);
        var violations = Microsoft.OpenApi.OpenApiElementExtensions.Validate(result.Document, Microsoft.OpenApi.ValidationRuleSet.GetDefaultRuleSet());
        Assert.Empty(violations ?? []);
    }

    [Fact]
    public async Task Document_DescribesEveryApiRoute()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!.AsObject();

        foreach (var route in new[]
        {
            "info", "v1/login", "v1/logout", "v1/me", "v1/users.create", "v1/users.register", "v1/users.info",
            "v1/users.generatePersonalAccessToken", "v1/channels.create", "v1/channels.invite", "v1/channels.kick",
            "v1/channels.join", "v1/groups.create", "v1/groups.invite", "v1/groups.kick", "v1/im.create", "v1/rooms.info",
            "v1/subscriptions.getOne", "v1/chat.getMessage", "v1/settings.public", "v1/settings/{id}",
            "v1/video-conference.start", "v1/video-conference.join", "v1/video-conference.cancel",
            "v1/video-conference.info", "v1/video-conference.list", "v1/video-conference.providers",
            "v1/video-conference.capabilities",
        })
        {
            Assert.True(paths.ContainsKey($"/api/{route}"), route);
        }
    }

    [Fact]
    public async Task Document_GivesEveryOperationASummaryParametersAndResponseBodies()
    {
        var document = await DocumentAsync();

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var name = $"{method} {path}";
                Assert.False(string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>()), name);
                Assert.Equal($"{method}-{path.TrimStart('/').Replace('/', '-').Replace("{", "").Replace("}", "")}", operation["operationId"]!.GetValue<string>());
                var ok = operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
                Assert.Equal("boolean", ok["properties"]!["success"]!["type"]!.GetValue<string>());
                Assert.NotNull(operation["responses"]!["429"]);
                if (path.StartsWith("/api/v1/video-conference.", StringComparison.Ordinal))
                {
                    Assert.NotNull(operation["responses"]!["401"]);
                }
            }
        }
    }

    [Fact]
    public async Task List_CarriesTheSeedsParametersWithIntegerPaging()
    {
        var document = await DocumentAsync();
        var parameters = Operation(document, "/api/v1/video-conference.list", "get")["parameters"]!.AsArray()
            .Select(p => Resolve(document, p!)).ToDictionary(p => p["name"]!.GetValue<string>());

        Assert.Equal(["X-User-Id", "X-Auth-Token", "roomId", "offset", "count"], parameters.Keys);
        Assert.All(["X-User-Id", "X-Auth-Token"], name => AssertParameter(parameters[name], "header", required: true, "string"));
        AssertParameter(parameters["roomId"], "query", required: true, "string");
        AssertParameter(parameters["offset"], "query", required: false, "integer");
        AssertParameter(parameters["count"], "query", required: false, "integer");
    }

    [Fact]
    public async Task List_CarriesTheSeedsResponseFieldsAndTypes()
    {
        var document = await DocumentAsync();
        var schema = Operation(document, "/api/v1/video-conference.list", "get")["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;

        AssertTypes(schema, new() { ["data"] = "array", ["offset"] = "integer", ["count"] = "integer", ["total"] = "integer", ["success"] = "boolean" });
        var call = schema["properties"]!["data"]!["items"]!;
        AssertTypes(call, new()
        {
            ["_id"] = "string", ["type"] = "string", ["users"] = "array", ["messages"] = "object", ["status"] = "integer",
            ["anonymousUsers"] = "integer", ["createdAt"] = "string", ["providerName"] = "string", ["ringing"] = "boolean",
            ["title"] = "string", ["rid"] = "string", ["createdBy"] = "object", ["_updatedAt"] = "string", ["url"] = "string",
            ["endedAt"] = "string",
        });
        AssertTypes(call["properties"]!["users"]!["items"]!, new()
        {
            ["_id"] = "string", ["username"] = "string", ["name"] = "string", ["avatarETag"] = "string", ["ts"] = "string",
        });
        AssertTypes(call["properties"]!["messages"]!, new() { ["started"] = "string" });
        AssertTypes(call["properties"]!["createdBy"]!, new() { ["_id"] = "string", ["name"] = "string", ["username"] = "string" });
    }

    [Fact]
    public async Task List_CarriesTheSeeds400And401Bodies()
    {
        var document = await DocumentAsync();
        var responses = Operation(document, "/api/v1/video-conference.list", "get")["responses"]!;

        var badRequest = responses["400"]!["content"]!["application/json"]!;
        AssertTypes(badRequest["schema"]!, new() { ["success"] = "boolean", ["error"] = "string", ["errorType"] = "string" });
        var expected = JsonNode.Parse("""{"success":false,"error":"must have required property 'roomId' [invalid-params]","errorType":"invalid-params"}""");
        Assert.Contains(badRequest["examples"]!.AsObject(), e => JsonNode.DeepEquals(e.Value!["value"], expected));

        var unauthorized = Resolve(document, responses["401"]!)["content"]!["application/json"]!;
        Assert.Equal("#/components/responses/authorizationError", responses["401"]!["$ref"]!.GetValue<string>());
        AssertTypes(unauthorized["schema"]!, new() { ["success"] = "boolean", ["error"] = "string", ["status"] = "string", ["message"] = "string" });
        var example = unauthorized["examples"]!.AsObject().Single().Value!["value"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ApiBodies.NotLoggedIn), example), example.ToJsonString());
    }

    [Fact]
    public async Task Document_ShowsTheRealUnauthorizedBody()
    {
        var response = await factory.CreateApiClient().GetAsync("video-conference.list?roomId=x");
        var document = await DocumentAsync();
        var documented = document["components"]!["responses"]!["authorizationError"]!["content"]!["application/json"]!["examples"]!.AsObject().Single().Value!["value"]!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.True(JsonNode.DeepEquals(response.Json, documented), documented.ToJsonString());
        Assert.Equal(ApiAssert.Keys(response.Json), ApiAssert.Keys(documented));
    }

    private async Task<JsonNode> DocumentAsync()
    {
        var response = await factory.CreateApiClient().GetAsync(DocumentPath);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Json;
    }

    private static JsonNode Operation(JsonNode document, string path, string method) => document["paths"]![path]![method]!;

    /// <summary>Follows a local <c>$ref</c> (<c>#/components/…</c>) to what it names.</summary>
    private static JsonNode Resolve(JsonNode document, JsonNode node)
    {
        if (node["$ref"]?.GetValue<string>() is not { } reference)
        {
            return node;
        }
        return reference.TrimStart('#', '/').Split('/').Aggregate(document, (current, part) => current[part]!);
    }

    private static void AssertParameter(JsonNode parameter, string location, bool required, string type)
    {
        var name = parameter["name"]!.GetValue<string>();
        Assert.Equal(location, parameter["in"]!.GetValue<string>());
        Assert.True(required == (parameter["required"]?.GetValue<bool>() ?? false), $"{name}: required should be {required}");
        Assert.Equal(type, parameter["schema"]!["type"]!.GetValue<string>());
    }

    private static void AssertTypes(JsonNode schema, Dictionary<string, string> expected)
    {
        var properties = schema["properties"]!.AsObject();
        foreach (var (name, type) in expected)
        {
            Assert.True(properties.ContainsKey(name), $"missing property {name}");
            Assert.Equal(type, properties[name]!["type"]!.GetValue<string>());
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VideoConf.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("VideoConf.slnx not found above the test output directory.");
    }
}
