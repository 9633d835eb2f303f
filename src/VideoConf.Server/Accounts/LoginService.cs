using System.Net;
using System.Text.Json.Nodes;
using VideoConf.Server.Events;
using VideoConf.Server.Http.Validation;
using VideoConf.Server.Outcomes;
using VideoConf.Server.RateLimiting;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Accounts;

/// <summary>
/// What a login names: one of the identities (a username or e-mail in <paramref name="User"/>, or each on its own, or
/// the user's id) with a password (plain, or a SHA-256 digest), or a resume token.
/// </summary>
internal sealed record LoginRequest(string? User, string? Username, string? Email, JsonNode? Password, string? Resume, string? UserId = null);

/// <summary>A session: the user and the login token that opens it (a new one is shown to the client once).</summary>
internal sealed record LoginSession(UserRecord User, string Token);

/// <summary>
/// Logs users in and out, for <c>login</c>/<c>logout</c> and for any other transport that signs people in. A
/// password login is counted against the address and the account before its password is checked
/// (<see cref="LoginAttemptLimiter"/>), and the password is checked on the hashing threads (<see cref="PasswordHasher"/>).
/// </summary>
internal sealed class LoginService(IUserStore users, PasswordHasher hasher, LoginAttemptLimiter limiter, EventHub events, TimeProvider time)
{
    public async Task<Outcome<LoginSession>> LoginAsync(LoginRequest request, IPAddress? address, CancellationToken cancellationToken)
    {
        UserRecord? user;
        if (request.Resume is { Length: > 0 } resume)
        {
            user = await users.FindByTokenAsync(Tokens.Hash(resume), cancellationToken);
            if (user is not { Active: true })
            {
                return AccountFailures.LoggedOut;
            }
        }
        else
        {
            var checkedUser = await CheckPasswordAsync(request, address, cancellationToken);
            if (checkedUser.Value is null)
            {
                return checkedUser.Failure!;
            }
            user = checkedUser.Value;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var token = Tokens.NewToken();
        await users.AddTokenAsync(new LoginTokenRecord(Tokens.Hash(token), user.Id, LoginTokenRecord.LoginKind, null, now), cancellationToken);
        await users.SetStatusAsync(user.Id, "online", now, cancellationToken);
        return new LoginSession(user with { Status = "online", UpdatedAt = user.Status == "online" ? user.UpdatedAt : now }, token);
    }

    /// <summary>
    /// Resumes the session of a login or personal access token, as the realtime API's <c>login</c> does: the same
    /// token stays in use and no new one is issued.
    /// </summary>
    public async Task<Outcome<LoginSession>> ResumeAsync(string token, CancellationToken cancellationToken)
    {
        var user = token.Length is 0 or > Tokens.MaxLength ? null : await users.FindByTokenAsync(Tokens.Hash(token), cancellationToken);
        return user is { Active: true } ? new LoginSession(user, token) : AccountFailures.LoggedOut;
    }

    /// <summary>Ends the session of this one token (the user's other sessions stay) and announces it.</summary>
    public Task LogoutAsync(UserRecord user, string token, CancellationToken cancellationToken) =>
        EndSessionAsync(user.Id, Tokens.Hash(token), cancellationToken);

    /// <summary>
    /// Ends the session of the token with this hash (the form a realtime connection keeps) and announces it; a token
    /// another request ended meanwhile was announced there.
    /// </summary>
    public async Task EndSessionAsync(string userId, string tokenHash, CancellationToken cancellationToken)
    {
        if (await users.RemoveTokenAsync(userId, tokenHash, cancellationToken))
        {
            events.Publish(new SessionEnded(userId, tokenHash));
        }
    }

    /// <summary>The active user whose password this is, or why not (wrong credentials, blocked, or too busy to check).</summary>
    private async Task<Outcome<UserRecord>> CheckPasswordAsync(LoginRequest request, IPAddress? address, CancellationToken cancellationToken)
    {
        var user = await FindByIdentityAsync(request, cancellationToken);
        var reservation = await limiter.ReserveAsync(AccountKey(request, user), address, cancellationToken);
        if (reservation.Block != LoginBlock.None)
        {
            var blocked = reservation.Block == LoginBlock.Ip ? AccountFailures.LoginBlockedForIp : AccountFailures.LoginBlockedForUser;
            return blocked with { RetryAfter = reservation.ResetAt - time.GetUtcNow() };
        }
        var digest = PasswordDigest(request.Password);
        // One bcrypt computation whatever happened above, so unknown users and wrong passwords look alike.
        if (hasher.TryVerifyAsync(digest ?? string.Empty, user?.PasswordHash, cancellationToken) is not { } verification)
        {
            await limiter.CancelAsync(reservation);
            return AccountFailures.TooManyPasswordChecks;
        }
        var verified = await verification;
        if (user is not { Active: true })
        {
            return AccountFailures.UnknownUser;
        }
        if (!verified || digest is null)
        {
            return AccountFailures.IncorrectPassword;
        }
        await limiter.SucceededAsync(reservation);
        return user;
    }

    /// <summary>
    /// The counter a password guess counts against: the account when the name finds one (so its username and e-mail
    /// share one allowance), otherwise the name itself, hashed so no typed name is kept in the store.
    /// </summary>
    private static string? AccountKey(LoginRequest request, UserRecord? user)
    {
        if (user is not null)
        {
            return $"id:{user.Id}";
        }
        var name = request.UserId is { Length: > 0 } id ? $"id:{id}" : request.User is { Length: > 0 } u ? u : request.Username is { Length: > 0 } n ? n : request.Email;
        return string.IsNullOrWhiteSpace(name) ? null : $"name:{Tokens.Sha256Hex(name.Trim().ToLowerInvariant())}";
    }

    private async Task<UserRecord?> FindByIdentityAsync(LoginRequest request, CancellationToken cancellationToken)
    {
        if (request.UserId is { Length: > 0 } id)
        {
            return id.Length > TextLimits.UsernameMax ? null : await users.FindByIdAsync(id, cancellationToken);
        }
        if (request.User is { Length: > 0 } user)
        {
            return user.Contains('@', StringComparison.Ordinal)
                ? await FindByEmailAsync(user, cancellationToken)
                : await FindByUsernameAsync(user, cancellationToken);
        }
        if (request.Username is { Length: > 0 } username)
        {
            return await FindByUsernameAsync(username, cancellationToken);
        }
        if (request.Email is { Length: > 0 } email)
        {
            return await FindByEmailAsync(email, cancellationToken);
        }
        return null;
    }

    // Identities longer than any stored one are not looked up: they fail as an unknown user does, bcrypt included.
    private async Task<UserRecord?> FindByUsernameAsync(string username, CancellationToken cancellationToken) =>
        username.Length > TextLimits.UsernameMax ? null : await users.FindByUsernameAsync(username, cancellationToken);

    private async Task<UserRecord?> FindByEmailAsync(string email, CancellationToken cancellationToken)
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
}
