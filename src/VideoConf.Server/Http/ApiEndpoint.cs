using VideoConf.Server.Http.Validation;

namespace VideoConf.Server.Http;

/// <summary>Whether an API route needs a logged-in caller.</summary>
internal enum AuthMode
{
    /// <summary>401 unless <c>X-User-Id</c>/<c>X-Auth-Token</c> name a valid session.</summary>
    Required,

    /// <summary>Valid credentials identify the caller; missing or invalid ones make the caller anonymous.</summary>
    Optional,

    /// <summary>Like <see cref="Required"/>, but anonymous callers are let through while <c>Accounts_AllowAnonymousRead</c> is on.</summary>
    AnonymousReadAllowed,
}

/// <summary>Endpoint metadata that the API pipeline reads: the route's name, who may call it and its parameter schema.</summary>
internal sealed record ApiEndpoint(string Route, AuthMode Auth, ObjectSchema Schema);
