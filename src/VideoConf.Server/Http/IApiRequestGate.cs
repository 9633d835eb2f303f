using VideoConf.Server.Accounts;

namespace VideoConf.Server.Http;

/// <summary>
/// A check that runs after authentication and before parameter validation (the slot the contract gives rate
/// limiting). Returns the result to refuse with, or null to let the request through.
/// </summary>
internal interface IApiRequestGate
{
    ValueTask<IResult?> CheckAsync(HttpContext context, ApiEndpoint endpoint, Caller caller);
}
