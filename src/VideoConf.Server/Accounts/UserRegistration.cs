using System.Text.RegularExpressions;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Outcomes;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Accounts;

/// <summary>What is needed to create an account.</summary>
internal sealed record NewUser(string Username, string Email, string Password, string? Name, IReadOnlyList<string> Roles, bool Active = true, bool Verified = false);

/// <summary>Creates accounts with Rocket.Chat's username and e-mail rules: for the admin bootstrap, <c>users.create</c> and <c>users.register</c>.</summary>
internal sealed partial class UserRegistration(IUserStore users, PasswordHasher hasher, TimeProvider time)
{
    /// <summary>The created user, or why it was not created.</summary>
    public async Task<Outcome<UserRecord>> CreateAsync(NewUser request, CancellationToken cancellationToken = default)
    {
        if (!TextLimits.Fits(request.Username, TextLimits.UsernameMax) || !ValidUsername().IsMatch(request.Username))
        {
            return AccountFailures.InvalidUsername(request.Username);
        }
        var email = request.Email.Trim().ToLowerInvariant();
        if (!TextLimits.FitsEmail(email) || !ValidEmail().IsMatch(email))
        {
            return AccountFailures.InvalidEmail(request.Email);
        }
        var name = string.IsNullOrWhiteSpace(request.Name) ? request.Username : request.Name;
        if (name.Length > TextLimits.NameMax)
        {
            return AccountFailures.NameTooLong;
        }
        if (request.Password.Length == 0)
        {
            return AccountFailures.PasswordPolicy;
        }
        var unknownRole = request.Roles.FirstOrDefault(r => !Permissions.GlobalRoles.Contains(r));
        if (unknownRole is not null)
        {
            return AccountFailures.UnknownRole(unknownRole);
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
            CreateUserOutcome.UsernameTaken => AccountFailures.UsernameTaken,
            CreateUserOutcome.EmailTaken => AccountFailures.EmailTaken,
            _ => user,
        };
    }

    // The length is checked by TextLimits first, so a megabyte of input costs one comparison.
    [GeneratedRegex(@"^[A-Za-z0-9._-]+\z")]
    private static partial Regex ValidUsername();

    [GeneratedRegex(@"^[^\s@]+@[^\s@]+\.[^\s@]+\z")]
    private static partial Regex ValidEmail();
}
