using System.Collections.Concurrent;

namespace VideoConf.Server.Storage.Caching;

/// <summary>
/// Remembers which user a token belongs to, so an authenticated request does not read the store. Registered only
/// when this instance is the only one on its store (no Redis), where every write passes through here: logout forgets the
/// token, and any change to a user forgets that user's sessions, so the next read sees the write. A read that was
/// already on its way to the store when a change forgot its entry is not kept (<see cref="StaleReadGuard"/>).
/// </summary>
internal sealed class CachingUserStore(IUserStore inner) : IUserStore
{
    private const int MaxSessions = 200_000;
    private readonly ConcurrentDictionary<string, UserRecord> _sessions = new(StringComparer.Ordinal);
    private readonly StaleReadGuard _guard = new();

    public async Task<UserRecord?> FindByTokenAsync(string hashedToken, CancellationToken cancellationToken = default)
    {
        if (_sessions.TryGetValue(hashedToken, out var cached))
        {
            return cached;
        }
        var ticket = _guard.Ticket();
        var user = await inner.FindByTokenAsync(hashedToken, cancellationToken);
        if (user is not null)
        {
            _guard.StoreIfCurrent(ticket, () =>
            {
                if (_sessions.Count >= MaxSessions)
                {
                    _sessions.Clear();
                }
                _sessions[hashedToken] = user;
            });
        }
        return user;
    }

    public async Task<bool> RemoveTokenAsync(string userId, string hashedToken, CancellationToken cancellationToken = default)
    {
        ForgetToken(hashedToken);
        var removed = await inner.RemoveTokenAsync(userId, hashedToken, cancellationToken);
        ForgetToken(hashedToken);
        return removed;
    }

    public async Task SetStatusAsync(string userId, string status, DateTime updatedAt, CancellationToken cancellationToken = default)
    {
        await inner.SetStatusAsync(userId, status, updatedAt, cancellationToken);
        ForgetUser(userId);
    }

    public Task<UserRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default) => inner.FindByIdAsync(id, cancellationToken);

    public Task<UserRecord?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default) =>
        inner.FindByUsernameAsync(username, cancellationToken);

    public Task<UserRecord?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) => inner.FindByEmailAsync(email, cancellationToken);

    public Task<IReadOnlyList<UserRecord>> FindByUsernamesAsync(IReadOnlyCollection<string> usernames, CancellationToken cancellationToken = default) =>
        inner.FindByUsernamesAsync(usernames, cancellationToken);

    public Task<bool> AnyWithRoleAsync(string role, CancellationToken cancellationToken = default) => inner.AnyWithRoleAsync(role, cancellationToken);

    public Task<CreateUserOutcome> CreateAsync(UserRecord user, CancellationToken cancellationToken = default) => inner.CreateAsync(user, cancellationToken);

    public Task AddTokenAsync(LoginTokenRecord token, CancellationToken cancellationToken = default) => inner.AddTokenAsync(token, cancellationToken);

    public Task<bool> AddPersonalTokenAsync(LoginTokenRecord token, CancellationToken cancellationToken = default) =>
        inner.AddPersonalTokenAsync(token, cancellationToken);

    private void ForgetToken(string hashedToken) => _guard.Invalidate(() => _sessions.TryRemove(hashedToken, out _));

    // Deactivation and password changes are to forget a user's sessions through here as well, so a request already
    // reading the store cannot put one back.
    private void ForgetUser(string userId) => _guard.Invalidate(() =>
    {
        foreach (var (token, user) in _sessions)
        {
            if (user.Id == userId)
            {
                _sessions.TryRemove(token, out _);
            }
        }
    });
}
