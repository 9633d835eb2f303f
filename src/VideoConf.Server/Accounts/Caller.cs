using VideoConf.Server.Storage;

namespace VideoConf.Server.Accounts;

/// <summary>Who is calling: the authenticated user, or nobody on routes that allow anonymous callers.</summary>
internal sealed class Caller(UserRecord? user)
{
    public UserRecord? User { get; } = user;

    public bool IsAuthenticated => User is not null;

    /// <summary>The user on a route that requires authentication (the pipeline has already answered 401 otherwise).</summary>
    public UserRecord Required => User ?? throw new InvalidOperationException("This route requires an authenticated caller.");

    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult(context.Features.Get<Caller>());
}
