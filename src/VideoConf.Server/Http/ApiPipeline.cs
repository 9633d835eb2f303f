using VideoConf.Server.RateLimiting;

namespace VideoConf.Server.Http;

/// <summary>The middleware every request passes through, in the one order that keeps the contract.</summary>
internal static class ApiPipeline
{
    /// <summary>
    /// 1. Trusted proxies first: the client address that rate limiting keys on must be the real one before anything
    ///    reads it.
    /// 2. Conventions: no-cache headers, CORS, and turning faults into the JSON envelope. It wraps everything after
    ///    it, so even a failure in routing or authentication answers in the envelope.
    /// 3. Routing picks the endpoint, so the next step can read its metadata (auth mode, schema, rate limit).
    /// 4. The API request checks in the contract's order: authentication, request gates (rate limit), input, schema;
    ///    only then does the handler run.
    /// </summary>
    public static WebApplication UseApiPipeline(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseMiddleware<ApiConventionsMiddleware>();
        app.UseRouting();
        app.UseMiddleware<ApiRequestMiddleware>();
        return app;
    }
}
