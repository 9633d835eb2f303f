namespace VideoConf.Server.Tests.Reliability;

/// <summary>Credentials and ids that exist on the server under test, for the generator to mix into bad requests.</summary>
internal sealed record BadInputWorld(
    (string UserId, string Token) Admin,
    (string UserId, string Token) User,
    IReadOnlyList<string> RoomIds,
    IReadOnlyList<string> CallIds,
    IReadOnlyList<string> UserIds,
    IReadOnlyList<string> MessageIds,
    IReadOnlyList<string> Usernames);
