using VideoConf.Server.Http.Validation;
using VideoConf.Server.Outcomes;

namespace VideoConf.Server.Accounts;

/// <summary>The refusals of the account and user actions, as Rocket.Chat words them.</summary>
internal static class AccountFailures
{
    public static Failure InvalidUsername(string username) =>
        Failure.WithReason($"{username} is not a valid username, use only letters, numbers, dots, hyphens and underscores", "error-invalid-username");

    public static Failure InvalidEmail(string email) => Failure.WithReason($"Invalid email {email}", "error-invalid-email");

    /// <summary>Not echoed back like the username: a refused name may be close to a megabyte long.</summary>
    public static readonly Failure NameTooLong =
        Failure.WithReason($"The name must be at most {TextLimits.NameMax} characters", "error-input-is-not-a-valid-field");

    public static readonly Failure PasswordPolicy =
        Failure.WithReason("The password provided does not meet the server's password policy.", "error-password-policy-not-met");

    public static Failure UnknownRole(string role) => Failure.WithReason($"Role {role} does not exist", "error-invalid-role");

    public static readonly Failure UsernameTaken = Failure.WithReason("Username is already in use", "error-field-unavailable");

    public static readonly Failure EmailTaken = Failure.WithReason("Email already exists", "error-field-unavailable");

    public static readonly Failure RegistrationDisabled = Failure.WithReason("User registration is disabled", "error-user-registration-disabled");

    public static readonly Failure UserNotFound = Failure.Plain("User not found.");

    public static readonly Failure TokenNameTaken = Failure.WithReason("A token with this name already exists", "error-token-already-exists");

    /// <summary>Wrong password, unknown or inactive user, or an unknown resume token: REST's one answer for all.</summary>
    public static readonly Failure WrongCredentials = Failure.Plain("Unauthorized", FailureKind.Unauthenticated);

    // Why a login failed, in Meteor's words (code 403) for the realtime API, which tells them apart as Rocket.Chat
    // does; REST answers every one of them with WrongCredentials. Both cost the same bcrypt computation.

    /// <summary>No active user has this name (or e-mail, or id).</summary>
    public static readonly Failure UnknownUser = Failure.WithReason("User not found", "403", FailureKind.Unauthenticated);

    /// <summary>The user exists, the password is not theirs.</summary>
    public static readonly Failure IncorrectPassword = Failure.WithReason("Incorrect password", "403", FailureKind.Unauthenticated);

    /// <summary>A resume token that was logged out, or never issued.</summary>
    public static readonly Failure LoggedOut =
        Failure.WithReason("You've been logged out by the server. Please log in again.", "403", FailureKind.Unauthenticated);

    /// <summary>Every password-hashing thread is busy and its queue is full: try again in a moment.</summary>
    public static readonly Failure TooManyPasswordChecks = Failure.Unavailable with { RetryAfter = TimeSpan.FromSeconds(1) };

    public static readonly Failure LoginBlockedForUser =
        Failure.WithReason("Login has been temporarily blocked For User", "error-login-blocked-for-user", FailureKind.TooManyRequests);

    public static readonly Failure LoginBlockedForIp =
        Failure.WithReason("Login has been temporarily blocked For IP", "error-login-blocked-for-ip", FailureKind.TooManyRequests);
}
