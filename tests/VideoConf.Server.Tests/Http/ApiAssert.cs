using System.Text.Json.Nodes;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Http;

/// <summary>Assertions on the transport conventions every <c>/api</c> response shares.</summary>
internal static class ApiAssert
{
    /// <summary>JSON content type and the two no-cache headers.</summary>
    public static void HasApiHeaders(ApiResponse response)
    {
        Assert.Equal("application/json", response.ContentHeaders.ContentType?.MediaType);
        Assert.Equal("no-store", response.Header("Cache-Control"));
        Assert.Equal("no-cache", response.Header("Pragma"));
    }

    /// <summary>A 200 whose body is an object ending with <c>"success":true</c>.</summary>
    public static void IsSuccessEnvelope(ApiResponse response)
    {
        response.AssertOk();
        var body = response.Json.AsObject();
        Assert.Equal("success", body.Last().Key);
        Assert.Equal(1, body.Count(p => p.Key == "success"));
        Assert.EndsWith("\"success\":true}", response.Text, StringComparison.Ordinal);
    }

    /// <summary>The keys of a response body, in the order they were sent.</summary>
    public static IReadOnlyList<string> Keys(JsonNode node) => node.AsObject().Select(p => p.Key).ToList();
}
