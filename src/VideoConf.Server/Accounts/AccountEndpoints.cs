using VideoConf.Server.Http;
using VideoConf.Server.Http.OpenApi;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Outcomes;

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
            .Fails(
                AccountFailures.WrongCredentials,
                ApiErrorDoc.For(AccountFailures.LoginBlockedForUser, "Blocked for the account"),
                ApiErrorDoc.For(AccountFailures.LoginBlockedForIp, "Blocked for the address"),
                ApiErrorDoc.For(AccountFailures.TooManyPasswordChecks, "Too many password checks waiting"));
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

    private static async Task<IResult> Login(ApiParams p, LoginService logins, HttpContext context)
    {
        var request = new LoginRequest(p.String("user"), p.String("username"), p.String("email"), p.Raw("password"), p.String("resume"));
        var session = await logins.LoginAsync(request, context.Connection.RemoteIpAddress, context.RequestAborted);
        if (session.Failure is { Kind: FailureKind.Unauthenticated })
        {
            // REST does not say which part of the credentials was wrong.
            return ApiResults.Error(AccountFailures.WrongCredentials);
        }
        return ApiResults.From(session, static s => ApiResults.Ok(new LoginResponse("success", new LoginData(s.User.Id, s.Token, UserDto.From(s.User)))));
    }

    private static async Task<IResult> Logout(Caller caller, LoginService logins, HttpRequest request, CancellationToken cancellationToken)
    {
        if (SessionAuthenticator.CurrentToken(request) is { } token)
        {
            await logins.LogoutAsync(caller.Required, token, cancellationToken);
        }
        return ApiResults.Ok(new LogoutResponse("success", new LogoutData("You've been logged out!")));
    }

    private static IResult Me(Caller caller) => ApiResults.Ok(UserDto.From(caller.Required));

    private sealed record LoginResponse(string Status, LoginData Data);

    private sealed record LoginData(string UserId, string AuthToken, UserDto Me);

    private sealed record LogoutResponse(string Status, LogoutData Data);

    private sealed record LogoutData(string Message);
}
