using VideoConf.Server.Http;
using VideoConf.Server.Http.OpenApi;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Outcomes;
using VideoConf.Server.RateLimiting;
using VideoConf.Server.Settings;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Accounts;

/// <summary><c>users.create</c>, <c>users.register</c>, <c>users.info</c> and <c>users.generatePersonalAccessToken</c>.</summary>
internal static class UserEndpoints
{
    private static readonly ObjectSchema CreateSchema = new(
        SchemaProperty.String("username", required: true),
        SchemaProperty.String("email", required: true),
        SchemaProperty.String("password", required: true),
        SchemaProperty.String("name"),
        SchemaProperty.ArrayOf("roles", SchemaType.String),
        SchemaProperty.Boolean("active"),
        SchemaProperty.Boolean("verified"),
        // Accepted for compatibility with Rocket.Chat's admin clients; they have no effect here.
        SchemaProperty.Boolean("joinDefaultChannels"),
        SchemaProperty.Boolean("requirePasswordChange"),
        SchemaProperty.Boolean("sendWelcomeEmail"));

    private static readonly ObjectSchema RegisterSchema = new(
        SchemaProperty.String("username", required: true),
        SchemaProperty.String("email", required: true),
        SchemaProperty.String("pass", required: true),
        SchemaProperty.String("name"));

    private static readonly ObjectSchema InfoSchema = new(
        SchemaProperty.String("userId"),
        SchemaProperty.String("username"))
    {
        AnyOfRequired = ["userId", "username"],
    };

    private static readonly ObjectSchema TokenSchema = new(
        SchemaProperty.String("tokenName", required: true),
        SchemaProperty.Boolean("bypassTwoFactor"));

    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags(AccountDocs.Tag);
        group.MapApiPost("users.create", Create, CreateSchema)
            .WithSummary("Create a user")
            .WithDescription("Creates a user; needs the create-user permission.")
            .Responds(AccountDocs.UserEnvelope())
            .Fails([.. RegistrationErrors, Failure.Forbidden]);
        group.MapApiPost("users.register", Register, RegisterSchema, AuthMode.Optional).RateLimited(1, TimeSpan.FromMinutes(1))
            .WithSummary("Register a user")
            .WithDescription("Registers a new user while Accounts_RegistrationForm is Public.")
            .Responds(AccountDocs.UserEnvelope())
            .Fails([.. RegistrationErrors, AccountFailures.RegistrationDisabled]);
        group.MapApiGet("users.info", Info, InfoSchema)
            .WithSummary("Get a user's information")
            .Responds(AccountDocs.UserEnvelope())
            .Fails(AccountFailures.UserNotFound);
        group.MapApiPost("users.generatePersonalAccessToken", GenerateToken, TokenSchema)
            .WithSummary("Generate a personal access token")
            .WithDescription($"The token is used like a login token and never expires on its own. Token names are 1 to {TextLimits.TokenNameMax} characters.")
            .Responds(AccountDocs.Token())
            .Fails(AccountFailures.TokenNameTaken);
        return routes;
    }

    private static readonly ApiErrorDoc[] RegistrationErrors =
    [
        AccountFailures.UsernameTaken,
        AccountFailures.InvalidUsername("jane doe"),
        AccountFailures.InvalidEmail("jane.doe"),
        AccountFailures.NameTooLong,
    ];

    private static async Task<IResult> Create(ApiParams p, Caller caller, UserRegistration registration, CancellationToken cancellationToken)
    {
        if (!Permissions.Has(caller.Required, Permissions.CreateUser))
        {
            return ApiResults.Error(Failure.Forbidden);
        }
        var request = new NewUser(
            p.String("username")!, p.String("email")!, p.String("password")!, p.String("name"),
            p.Strings("roles") ?? [], p.Bool("active") ?? true, p.Bool("verified") ?? false);
        return ApiResults.From(await registration.CreateAsync(request, cancellationToken), CreatedResponse);
    }

    private static async Task<IResult> Register(ApiParams p, UserRegistration registration, SettingsService settings, CancellationToken cancellationToken)
    {
        if (settings.GetString(SettingIds.AccountsRegistrationForm) != "Public")
        {
            return ApiResults.Error(AccountFailures.RegistrationDisabled);
        }
        var request = new NewUser(p.String("username")!, p.String("email")!, p.String("pass")!, p.String("name"), ["user"]);
        return ApiResults.From(await registration.CreateAsync(request, cancellationToken), CreatedResponse);
    }

    private static IResult CreatedResponse(UserRecord user) => ApiResults.Ok(new UserEnvelope(UserDto.From(user)));

    private static async Task<IResult> Info(ApiParams p, Caller caller, IUserStore users, CancellationToken cancellationToken)
    {
        var user = p.String("userId") is { } id
            ? await users.FindByIdAsync(id, cancellationToken)
            : await users.FindByUsernameAsync(p.String("username")!, cancellationToken);
        if (user is null)
        {
            return ApiResults.Error(AccountFailures.UserNotFound);
        }
        var seesEmails = user.Id == caller.Required.Id || Permissions.Has(caller.Required, Permissions.ViewFullOtherUserInfo);
        return ApiResults.Ok(new UserEnvelope(UserDto.From(user, includeEmails: seesEmails)));
    }

    private static async Task<IResult> GenerateToken(ApiParams p, Caller caller, IUserStore users, TimeProvider time, CancellationToken cancellationToken)
    {
        var name = p.String("tokenName")!;
        if (name.Trim().Length == 0)
        {
            return ApiResults.Error(Failure.Validation("must NOT have fewer than 1 characters"));
        }
        if (name.Length > TextLimits.TokenNameMax)
        {
            return ApiResults.Error(Failure.Validation($"must NOT have more than {TextLimits.TokenNameMax} characters"));
        }
        var token = Tokens.NewToken();
        var record = new LoginTokenRecord(Tokens.Hash(token), caller.Required.Id, LoginTokenRecord.PersonalKind, name, time.GetUtcNow().UtcDateTime);
        if (!await users.AddPersonalTokenAsync(record, cancellationToken))
        {
            return ApiResults.Error(AccountFailures.TokenNameTaken);
        }
        return ApiResults.Ok(new TokenResponse(token));
    }

    private sealed record TokenResponse(string Token);
}
