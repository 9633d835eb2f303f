using System.Text.RegularExpressions;
using VideoConf.Server.Http;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Accounts;

/// <summary>What is needed to create an account.</summary>
internal sealed record NewUser(string Username, string Email, string Password, string? Name, IReadOnlyList<string> Roles, bool Active = true, bool Verified = false);

/// <summary>Why an account could not be created, as a domain error of the contract.</summary>
internal sealed record RegistrationError(string Reason, string Code)
{
    public IResult ToResult() => ApiResults.DomainError(Reason, Code);
}

/// <summary>Creates accounts with Rocket.Chat's username and e-mail rules: for the admin bootstrap, <c>users.create</c> and <c>users.register</c>.</summary>
internal sealed partial class UserRegistration(IUserStore users, PasswordHasher hasher, TimeProvider time)
{
    /// <summary>Returns the created user, or the error result to answer with.</summary>
    public async Task<(UserRecord? User, RegistrationError? Error)> CreateAsync(NewUser request, CancellationToken cancellationToken = default)
    {
        if (!TextLimits.Fits(request.Username, TextLimits.UsernameMax) || !ValidUsername().IsMatch(request.Username))
        {
            return (null, new RegistrationError($"{request.Username} is not a valid username, use only letters, numbers, dots, hyphens and underscores", "error-invalid-username"));
        }
        var email = request.Email.Trim().ToLowerInvariant();
        if (!TextLimits.FitsEmail(email) || !ValidEmail().IsMatch(email))
        {
            return (null, new RegistrationError($"Invalid email {request.Email}", "error-invalid-email"));
        }
        var name = string.IsNullOrWhiteSpace(request.Name) ? request.Username : request.Name;
        if (name.Length > TextLimits.NameMax)
        {
            // Not echoed back like the username: a refused name may be close to a megabyte long.
            return (null, new RegistrationError($"The name must be at most {TextLimits.NameMax} characters", "error-input-is-not-a-valid-field"));
        }
        if (request.Password.Length == 0)
        {
            return (null, new RegistrationError("The password provided does not meet the server's password policy.", "error-password-policy-not-met"));
        }
        var unknownRole = request.Roles.FirstOrDefault(r => !Permissions.GlobalRoles.Contains(r));
        if (unknownRole is not null)
        {
            return (null, new RegistrationError($"Role {unknownRole} does not exist", "error-invalid-role"));
        }
        var now = time.GetUtcNow().UtcDateTime;
        var user = new UserRecord(
            Id: Ids.NewId(),
            Username: request.Username,
            Name: name,
            Email: email,
            EmailVerified: request.Verified,
            PasswordHash: hasher.HashDigest(Tokens.Sha256Hex(request.Password)),
            Roles: request.Roles.Count == 0 ? ["user"] : request.Roles.Distinct(StringComparer.Ordinal).ToList(),
            Active: request.Active,
            Status: "offline",
            AvatarETag: null,
            CreatedAt: now,
            UpdatedAt: now);
        return await users.CreateAsync(user, cancellationToken) switch
        {
            CreateUserOutcome.UsernameTaken => (null, new RegistrationError("Username is already in use", "error-field-unavailable")),
            CreateUserOutcome.EmailTaken => (null, new RegistrationError("Email already exists", "error-field-unavailable")),
            _ => (user, null),
        };
    }

    // The length is checked by TextLimits first, so a megabyte of input costs one comparison.
    [GeneratedRegex(@"^[A-Za-z0-9._-]+\z")]
    private static partial Regex ValidUsername();

    [GeneratedRegex(@"^[^\s@]+@[^\s@]+\.[^\s@]+\z")]
    private static partial Regex ValidEmail();
}
