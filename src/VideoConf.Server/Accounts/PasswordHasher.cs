using Microsoft.Extensions.Options;

namespace VideoConf.Server.Accounts;

/// <summary>
/// Passwords as Rocket.Chat stores them, <c>bcrypt(sha256-hex(password))</c>. Every verification costs exactly one
/// bcrypt computation, also when there is no user or no hash to check against, so failures cannot be told apart
/// by timing.
/// </summary>
internal sealed class PasswordHasher
{
    private readonly int _workFactor;
    private readonly Lazy<string> _decoyHash;
    private readonly PasswordHashQueue _queue;

    public PasswordHasher(IOptions<AccountOptions> options, PasswordHashQueue queue)
    {
        _queue = queue;
        _workFactor = options.Value.PasswordWorkFactor;
        _decoyHash = new Lazy<string>(() => BCrypt.Net.BCrypt.HashPassword(Tokens.Sha256Hex(Guid.NewGuid().ToString()), _workFactor));
    }

    /// <summary>Counts bcrypt verifications, so tests can check that a failed login costs exactly one.</summary>
    public long Verifications => Interlocked.Read(ref _verifications);

    private long _verifications;

    public string HashDigest(string sha256Hex) => BCrypt.Net.BCrypt.HashPassword(sha256Hex, _workFactor);

    /// <summary>
    /// <see cref="Verify"/> on the hashing threads; null when too many checks are already waiting (answer 503).
    /// </summary>
    public Task<bool>? TryVerifyAsync(string sha256Hex, string? hash, CancellationToken cancellationToken) =>
        _queue.TryRun(() => Verify(sha256Hex, hash), cancellationToken);

    /// <summary>Verifies the digest against <paramref name="hash"/>, or against a decoy when there is none.</summary>
    public bool Verify(string sha256Hex, string? hash)
    {
        Interlocked.Increment(ref _verifications);
        var matches = BCrypt.Net.BCrypt.Verify(sha256Hex, hash ?? _decoyHash.Value);
        return hash is not null && matches;
    }

    /// <summary>Computes the decoy now, so the first failed login does not take longer than later ones.</summary>
    public void Warm() => _ = _decoyHash.Value;
}
