namespace VideoConf.Server.Storage;

/// <summary>The numeric call states of the contract.</summary>
public static class CallStatus
{
    public const int Calling = 0;
    public const int Started = 1;
    public const int Expired = 2;
    public const int Ended = 3;
    public const int Declined = 4;
}

/// <summary>The two kinds of call.</summary>
public static class CallType
{
    public const string Direct = "direct";
    public const string Conference = "videoconference";
}

/// <summary>Who started or ended a call.</summary>
public sealed record CallActor(string Id, string Name, string Username);

/// <summary>Someone who joined a call, at <see cref="Ts"/>.</summary>
public sealed record CallUser(string Id, string Username, string Name, string? AvatarETag, DateTime Ts);

/// <summary>
/// A video conference. <see cref="Seq"/> is its position in its room (1, 2, …, assigned at insert) and defines the
/// list order; <see cref="CalleeId"/>, <see cref="RingingUntil"/> and <see cref="ProviderData"/> are private and never
/// sent to clients.
/// </summary>
public sealed record CallRecord(
    string Id,
    string Type,
    string RoomId,
    long Seq,
    IReadOnlyList<CallUser> Users,
    string StartedMessageId,
    int Status,
    int AnonymousUsers,
    string? Title,
    DateTime CreatedAt,
    CallActor CreatedBy,
    string ProviderName,
    bool? Ringing,
    string Url,
    DateTime? EndedAt,
    CallActor? EndedBy,
    DateTime UpdatedAt,
    string? CalleeId,
    DateTime? RingingUntil,
    string? ProviderData)
{
    public bool IsEnded => EndedAt is not null;
}
