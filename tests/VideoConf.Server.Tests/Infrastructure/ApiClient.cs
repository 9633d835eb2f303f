using System.Text;
using System.Text.Json;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>An HTTP client for the API that authenticates through the real <c>X-User-Id</c>/<c>X-Auth-Token</c> headers.</summary>
public sealed class ApiClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public string? UserId { get; private set; }

    public string? AuthToken { get; private set; }

    public string? Username { get; private set; }

    public async Task<ApiClient> LoginAsync(string username, string password)
    {
        var response = await PostAsync("login", new { user = username, password });
        response.AssertOk();
        return As(response.Json["data"]!["userId"]!.GetValue<string>(), response.Json["data"]!["authToken"]!.GetValue<string>(), username);
    }

    /// <summary>Uses these credentials on every later request.</summary>
    public ApiClient As(string userId, string token, string? username = null)
    {
        UserId = userId;
        AuthToken = token;
        Username = username;
        Http.DefaultRequestHeaders.Remove("X-User-Id");
        Http.DefaultRequestHeaders.Remove("X-Auth-Token");
        Http.DefaultRequestHeaders.Add("X-User-Id", userId);
        Http.DefaultRequestHeaders.Add("X-Auth-Token", token);
        return this;
    }

    public Task<ApiResponse> GetAsync(string route) => SendAsync(new HttpRequestMessage(HttpMethod.Get, Url(route)));

    /// <summary>POSTs <paramref name="body"/> serialized as JSON (a string is sent as it is).</summary>
    public Task<ApiResponse> PostAsync(string route, object? body = null)
    {
        var text = body switch
        {
            null => string.Empty,
            string s => s,
            _ => JsonSerializer.Serialize(body),
        };
        return PostRawAsync(route, new StringContent(text, Encoding.UTF8, "application/json"));
    }

    public Task<ApiResponse> PostRawAsync(string route, HttpContent content) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, Url(route)) { Content = content });

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, text, response.Headers, response.Content.Headers);
    }

    private static string Url(string route) => route.StartsWith('/') ? route : $"/api/v1/{route}";
}
