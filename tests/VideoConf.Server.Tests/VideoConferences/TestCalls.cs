using VideoConf.Server.Storage;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary>Call records for the pure lifecycle tests: a caller, a callee and a third user.</summary>
internal static class TestCalls
{
    public static readonly DateTime CreatedAt = new(2026, 1, 27, 7, 45, 14, 533, DateTimeKind.Utc);

    public static readonly CallActor Caller = new("CallerId000000001", "Carol Caller", "carol");
    public static readonly CallActor Callee = new("CalleeId000000002", "Dave Callee", "dave");
    public static readonly CallActor Third = new("ThirdId0000000003", "Erin Third", "erin");

    public static CallUser UserOf(CallActor actor) => new(actor.Id, actor.Username, actor.Name, null, default);

    /// <summary>A direct call ringing the callee for 40 seconds.</summary>
    public static CallRecord RingingDirect() => new(
        Id: "69786d0ac8b05330207814bd",
        Type: CallType.Direct,
        RoomId: "DirectRoom0000001",
        Seq: 1,
        Users: [],
        StartedMessageId: "Message0000000001",
        Status: CallStatus.Calling,
        AnonymousUsers: 0,
        Title: null,
        CreatedAt: CreatedAt,
        CreatedBy: Caller,
        ProviderName: "jitsi",
        Ringing: true,
        Url: "https://meet.jit.si/RocketChat69786d0ac8b05330207814bd",
        EndedAt: null,
        EndedBy: null,
        UpdatedAt: CreatedAt,
        CalleeId: Callee.Id,
        RingingUntil: CreatedAt.AddSeconds(40),
        ProviderData: null);

    /// <summary>A started group call that did not ring.</summary>
    public static CallRecord Conference() => RingingDirect() with
    {
        Type = CallType.Conference,
        RoomId = "ChannelRoom000001",
        Status = CallStatus.Started,
        Title = "standup",
        Ringing = null,
        CalleeId = null,
        RingingUntil = null,
    };

    /// <summary>A started group call ringing its members for 40 seconds.</summary>
    public static CallRecord RingingConference() => Conference() with { Ringing = true, RingingUntil = CreatedAt.AddSeconds(40) };
}
