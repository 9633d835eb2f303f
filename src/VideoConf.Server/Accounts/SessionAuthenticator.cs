using VideoConf.Server.Storage;

namespace VideoConf.Server.Accounts;

/// <summary>Resolves <c>X-User-Id</c> and <c>X-Auth-Token</c> to an active user by the token's hash.</summary>
internal sealed class SessionAuthenticator(IUserStore users)
{
    public const string UserIdHeader = "X-User-Id";
    public const string TokenHeader = "X-Auth-Token";

    public async Task<UserRecord?> AuthenticateAsync(HttpRequest request)
    {
        var userId = request.Headers[UserIdHeader].ToString();
        var token = request.Headers[TokenHeader].ToString();
        if (userId.Length == 0 || token.Length == 0 || token.Length > Tokens.MaxLength)
        {
            return null;
        }
        var user = await users.FindByTokenAsync(Tokens.Hash(token), request.HttpContext.RequestAborted);
        return user is { Active: true } && string.Equals(user.Id, userId, StringComparison.Ordinal) ? user : null;
    }

    /// <summary>The raw token of the current request, for logout.</summary>
    public static string? CurrentToken(HttpRequest request) =>
        request.Headers[TokenHeader].ToString() is { Length: > 0 } token ? token : null;
}
