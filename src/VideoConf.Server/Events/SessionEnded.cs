namespace VideoConf.Server.Events;

/// <summary>
/// A login token of the user stopped working: the one with <see cref="TokenHash"/> (the hashed form the store keeps,
/// <see cref="Accounts.Tokens.Hash"/>; the raw token never leaves the request), or, when it is null, every token of
/// the user. Published by <see cref="Accounts.LoginService"/> for a logout; a null hash is for the paths that end all
/// of a user's sessions (deactivation, password change, deletion), which do not exist yet.
/// </summary>
internal sealed record SessionEnded(string UserId, string? TokenHash) : ServerEvent;
