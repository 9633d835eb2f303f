using System.Text.Json.Nodes;
using VideoConf.Server.Http;
using VideoConf.Server.Http.OpenApi;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.RateLimiting;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Accounts;

/// <summary><c>login</c>, <c>logout</c> and <c>me</c>.</summary>
internal static class AccountEndpoints
{
    private static readonly ObjectSchema LoginSchema = new(
        SchemaProperty.String("user"),
        SchemaProperty.String("username"),
        SchemaProperty.String("email"),
        SchemaProperty.OneOfTypes("password", SchemaType.String | SchemaType.Object),
        SchemaProperty.String("resume"),
        SchemaProperty.String("code"))
    {
        // Rocket.Chat's login takes extra fields from other login methods (ldap, totp, ...) without complaint.
        AllowAdditional = true,
    };

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags(AccountDocs.Tag);
        group.MapApiPost("login", Login, LoginSchema, AuthMode.Optional)
            .WithSummary("Log in")
            .WithDescription("Logs in with user, username or email and password (plain, or {digest, algorithm: \"sha-256\"}), or with a resume token. "
                + "Failed password logins are limited per account and per address (Block_Multiple_Failed_Logins_* settings; 5 per account in 5 minutes by default), whatever credentials the request carries.")
            .Responds(AccountDocs.Login())
            .Fails(LoginFailedDoc, LoginBlockedResults.UserDoc, LoginBlockedResults.IpDoc, LoginBlockedResults.BusyDoc);
        group.MapApiPost("logout", Logout)
            .WithSummary("Log out")
            .WithDescription("Ends the current session's token only.")
            .Responds(AccountDocs.Logout());
        group.MapApiGet("logout", Logout)
            .WithSummary("Log out (GET)")
            .WithDescription("Ends the current session's token only.")
            .Responds(AccountDocs.Logout());
        group.MapApiGet("me", Me)
            .WithSummary("Get the logged-in user")
            .Responds(AccountDocs.User());
        return routes;
    }

    /// <summary>Rocket.Chat's login failure body, which differs from the generic 401 of other routes.</summary>
    private static readonly byte[] LoginFailedBody = """{"success":false,"status":"error","error":"Unauthorized","message":"Unauthorized"}"""u8.ToArray();

    private static readonly IResult LoginFailed = ApiResults.Raw(StatusCodes.Status401Unauthorized, LoginFailedBody);

    private static readonly ApiErrorDoc LoginFailedDoc = ApiErrorDoc.FromBody(StatusCodes.Status401Unauthorized, "Unauthorized", LoginFailedBody);

    private static async Task<IResult> Login(
        ApiParams p, IUserStore users, PasswordHasher hasher, LoginAttemptLimiter limiter, TimeProvider time, HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        UserRecord? user;
        if (p.String("resume") is { Length: > 0 } resume)
        {
            user = await users.FindByTokenAsync(Tokens.Hash(resume), cancellationToken);
            if (user is not { Active: true })
            {
                return LoginFailed;
            }
        }
        else
        {
            var (found, refusal) = await CheckPasswordAsync(p, users, hasher, limiter, context);
            if (refusal is not null)
            {
                return refusal;
            }
            user = found!;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var token = Tokens.NewToken();
        await users.AddTokenAsync(new LoginTokenRecord(Tokens.Hash(token), user.Id, LoginTokenRecord.LoginKind, null, now), cancellationToken);
        await users.SetStatusAsync(user.Id, "online", now, cancellationToken);
        var me = user with { Status = "online", UpdatedAt = user.Status == "online" ? user.UpdatedAt : now };
        return ApiResults.Ok(new LoginResponse("success", new LoginData(user.Id, token, UserDto.From(me))));
    }

    /// <summary>The active user whose password this is, or the answer to give instead (401, 429 or 503).</summary>
    private static async Task<(UserRecord? User, IResult? Refusal)> CheckPasswordAsync(
        ApiParams p, IUserStore users, PasswordHasher hasher, LoginAttemptLimiter limiter, HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var user = await FindByIdentityAsync(p, users, cancellationToken);
        var reservation = await limiter.ReserveAsync(AccountKey(p, user), context.Connection.RemoteIpAddress, cancellationToken);
        if (reservation.Block != LoginBlock.None)
        {
            return (null, LoginBlockedResults.For(reservation, context));
        }
        var digest = PasswordDigest(p.Raw("password"));
        // One bcrypt computation whatever happened above, so unknown users and wrong passwords look alike.
        if (hasher.TryVerifyAsync(digest ?? string.Empty, user?.PasswordHash, cancellationToken) is not { } verification)
        {
            await limiter.CancelAsync(reservation);
            return (null, LoginBlockedResults.Busy(context));
        }
        var verified = await verification;
        if (!verified || digest is null || user is not { Active: true })
        {
            return (null, LoginFailed);
        }
        await limiter.SucceededAsync(reservation);
        return (user, null);
    }

    /// <summary>
    /// The counter a password guess counts against: the account when the name finds one (so its username and e-mail
    /// share one allowance), otherwise the name itself, hashed so no typed name is kept in the store.
    /// </summary>
    private static string? AccountKey(ApiParams p, UserRecord? user)
    {
        if (user is not null)
        {
            return $"id:{user.Id}";
        }
        var name = p.String("user") is { Length: > 0 } u ? u : p.String("username") is { Length: > 0 } n ? n : p.String("email");
        return string.IsNullOrWhiteSpace(name) ? null : $"name:{Tokens.Sha256Hex(name.Trim().ToLowerInvariant())}";
    }

    private static async Task<UserRecord?> FindByIdentityAsync(ApiParams p, IUserStore users, CancellationToken cancellationToken)
    {
        if (p.String("user") is { Length: > 0 } user)
        {
            return user.Contains('@', StringComparison.Ordinal)
                ? await FindByEmailAsync(user, users, cancellationToken)
                : await FindByUsernameAsync(user, users, cancellationToken);
        }
        if (p.String("username") is { Length: > 0 } username)
        {
            return await FindByUsernameAsync(username, users, cancellationToken);
        }
        if (p.String("email") is { Length: > 0 } email)
        {
            return await FindByEmailAsync(email, users, cancellationToken);
        }
        return null;
    }

    // Identities longer than any stored one are not looked up: they fail as an unknown user does, bcrypt included.
    private static async Task<UserRecord?> FindByUsernameAsync(string username, IUserStore users, CancellationToken cancellationToken) =>
        username.Length > TextLimits.UsernameMax ? null : await users.FindByUsernameAsync(username, cancellationToken);

    private static async Task<UserRecord?> FindByEmailAsync(string email, IUserStore users, CancellationToken cancellationToken)
    {
        var normalized = email.Trim();
        return normalized.Length > TextLimits.EmailMax ? null : await users.FindByEmailAsync(normalized.ToLowerInvariant(), cancellationToken);
    }

    /// <summary>The SHA-256 hex of the password: hashed here when sent plain, taken as is when sent as a digest.</summary>
    private static string? PasswordDigest(JsonNode? password) => password switch
    {
        JsonValue v when v.TryGetValue<string>(out var plain) => Tokens.Sha256Hex(plain),
        JsonObject o when o["digest"] is JsonValue d && d.TryGetValue<string>(out var digest)
            && (o["algorithm"] is null || (o["algorithm"] is JsonValue a && a.TryGetValue<string>(out var algorithm) && algorithm == "sha-256"))
            && digest.Length == 64 && digest.All(char.IsAsciiHexDigit) => digest.ToLowerInvariant(),
        _ => null,
    };

    private static async Task<IResult> Logout(Caller caller, IUserStore users, HttpRequest request, CancellationToken cancellationToken)
    {
        if (SessionAuthenticator.CurrentToken(request) is { } token)
        {
            await users.RemoveTokenAsync(caller.Required.Id, Tokens.Hash(token), cancellationToken);
        }
        return ApiResults.Ok(new LogoutResponse("success", new LogoutData("You've been logged out!")));
    }

    private static IResult Me(Caller caller) => ApiResults.Ok(UserDto.From(caller.Required));

    private sealed record LoginResponse(string Status, LoginData Data);

    private sealed record LoginData(string UserId, string AuthToken, UserDto Me);

    private sealed record LogoutResponse(string Status, LogoutData Data);

    private sealed record LogoutData(string Message);
}
