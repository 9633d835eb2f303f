using VideoConf.Server.Storage;
using VideoConf.Server.VideoConferences;
using static VideoConf.Server.Tests.VideoConferences.TestCalls;

namespace VideoConf.Server.Tests.VideoConferences;

public sealed class CallLifecycleTests
{
    private static readonly DateTime Later = CreatedAt.AddSeconds(5);
    private static readonly DateTime Lifetime24h = CreatedAt.AddHours(24);

    [Fact]
    public void Join_AddsTheUserWithTheJoinTime()
    {
        var (updated, outcome) = CallLifecycle.Join(Conference(), UserOf(Callee), Later);

        Assert.Equal(JoinOutcome.Joined, outcome);
        var user = Assert.Single(updated!.Users);
        Assert.Equal(UserOf(Callee) with { Ts = Later }, user);
        Assert.Equal(Later, updated.UpdatedAt);
    }

    [Fact]
    public void Join_KeepsJoinOrder()
    {
        var first = CallLifecycle.Join(Conference(), UserOf(Third), Later).Updated!;
        var second = CallLifecycle.Join(first, UserOf(Callee), Later.AddSeconds(1)).Updated!;

        Assert.Equal([Third.Id, Callee.Id], second.Users.Select(u => u.Id));
        Assert.Equal([Later, Later.AddSeconds(1)], second.Users.Select(u => u.Ts));
    }

    [Fact]
    public void Join_WhenTheUserAlreadyJoined_ChangesNothing()
    {
        var joined = CallLifecycle.Join(Conference(), UserOf(Callee), Later).Updated!;

        var (again, outcome) = CallLifecycle.Join(joined, UserOf(Callee), Later.AddMinutes(1));

        Assert.Null(again);
        Assert.Equal(JoinOutcome.Joined, outcome);
        Assert.Single(joined.Users);
    }

    [Fact]
    public void Join_ByTheCallee_StartsARingingDirectCall()
    {
        var (updated, _) = CallLifecycle.Join(RingingDirect(), UserOf(Callee), Later);

        Assert.Equal(CallStatus.Started, updated!.Status);
        Assert.False(updated.Ringing);
        Assert.Null(updated.RingingUntil);
        Assert.Null(updated.EndedAt);
        Assert.Equal([Callee.Id], updated.Users.Select(u => u.Id));
    }

    [Fact]
    public void Join_ByTheCaller_ChangesOnlyUsers()
    {
        var call = RingingDirect();

        var (updated, outcome) = CallLifecycle.Join(call, UserOf(Caller), Later);

        Assert.Equal(JoinOutcome.Joined, outcome);
        Assert.Equal([Caller.Id], updated!.Users.Select(u => u.Id));
        Assert.Equal(call, updated with { Users = call.Users, UpdatedAt = call.UpdatedAt });
        Assert.Equal(CallStatus.Calling, updated.Status);
        Assert.True(updated.Ringing);
    }

    [Fact]
    public void Join_ByTheCallerThenTheCallee_StartsTheCallWithBothUsers()
    {
        var callerJoined = CallLifecycle.Join(RingingDirect(), UserOf(Caller), Later).Updated!;

        var (updated, _) = CallLifecycle.Join(callerJoined, UserOf(Callee), Later.AddSeconds(1));

        Assert.Equal(CallStatus.Started, updated!.Status);
        Assert.False(updated.Ringing);
        Assert.Equal([Caller.Id, Callee.Id], updated.Users.Select(u => u.Id));
    }

    [Fact]
    public void Join_ByAMemberOfARingingGroupCall_StopsTheRinging()
    {
        var (updated, _) = CallLifecycle.Join(RingingConference(), UserOf(Third), Later);

        Assert.False(updated!.Ringing);
        Assert.Null(updated.RingingUntil);
        Assert.Equal(CallStatus.Started, updated.Status);
    }

    [Fact]
    public void Join_ByTheCreatorOfARingingGroupCall_KeepsItRinging()
    {
        var (updated, _) = CallLifecycle.Join(RingingConference(), UserOf(Caller), Later);

        Assert.True(updated!.Ringing);
        Assert.NotNull(updated.RingingUntil);
    }

    [Fact]
    public void Join_Anonymously_CountsAnAnonymousUser()
    {
        var (updated, outcome) = CallLifecycle.Join(Conference(), null, Later);

        Assert.Equal(JoinOutcome.Joined, outcome);
        Assert.Equal(1, updated!.AnonymousUsers);
        Assert.Empty(updated.Users);
        Assert.Equal(2, CallLifecycle.Join(updated, null, Later).Updated!.AnonymousUsers);
    }

    [Fact]
    public void Join_WhenTheCallHasEnded_IsCallEndedWithoutChange()
    {
        var ended = Conference() with { Status = CallStatus.Ended, EndedAt = Later };

        var (updated, outcome) = CallLifecycle.Join(ended, UserOf(Callee), Later.AddSeconds(1));

        Assert.Null(updated);
        Assert.Equal(JoinOutcome.CallEnded, outcome);
    }

    [Fact]
    public void Cancel_ByTheCaller_DeclinesTheCall()
    {
        var (updated, outcome) = CallLifecycle.Cancel(RingingDirect(), Caller, Later);

        Assert.Equal(CancelOutcome.Cancelled, outcome);
        Assert.Equal(CallStatus.Declined, updated!.Status);
        Assert.False(updated.Ringing);
        Assert.Null(updated.RingingUntil);
        Assert.Equal(Later, updated.EndedAt);
        Assert.Equal(Caller, updated.EndedBy);
        Assert.Equal(Later, updated.UpdatedAt);
    }

    [Fact]
    public void Cancel_ByTheCallee_DeclinesTheCallAsTheCallee()
    {
        var (updated, outcome) = CallLifecycle.Cancel(RingingDirect(), Callee, Later);

        Assert.Equal(CancelOutcome.Cancelled, outcome);
        Assert.Equal(CallStatus.Declined, updated!.Status);
        Assert.Equal(Callee, updated.EndedBy);
    }

    [Fact]
    public void Cancel_OfAGroupCall_IsNotDirect()
    {
        var (updated, outcome) = CallLifecycle.Cancel(RingingConference(), Caller, Later);

        Assert.Null(updated);
        Assert.Equal(CancelOutcome.NotDirect, outcome);
    }

    [Fact]
    public void Cancel_OfAnEndedGroupCall_IsStillNotDirect()
    {
        var (_, outcome) = CallLifecycle.Cancel(Conference() with { Status = CallStatus.Expired, EndedAt = Later }, Caller, Later);

        Assert.Equal(CancelOutcome.NotDirect, outcome);
    }

    [Fact]
    public void Cancel_OfAnAnsweredDirectCall_IsNotCalling()
    {
        var started = CallLifecycle.Join(RingingDirect(), UserOf(Callee), Later).Updated!;

        var (updated, outcome) = CallLifecycle.Cancel(started, Caller, Later.AddSeconds(1));

        Assert.Null(updated);
        Assert.Equal(CancelOutcome.NotCalling, outcome);
    }

    [Fact]
    public void Cancel_OfADeclinedCall_IsNotCalling()
    {
        var declined = CallLifecycle.Cancel(RingingDirect(), Callee, Later).Updated!;

        var (updated, outcome) = CallLifecycle.Cancel(declined, Caller, Later.AddSeconds(1));

        Assert.Null(updated);
        Assert.Equal(CancelOutcome.NotCalling, outcome);
    }

    [Fact]
    public void RingingTimeout_BeforeTheDeadline_ChangesNothing()
    {
        var (updated, timedOut) = CallLifecycle.RingingTimeout(RingingDirect(), CreatedAt.AddSeconds(39));

        Assert.Null(updated);
        Assert.False(timedOut);
    }

    [Fact]
    public void RingingTimeout_AtTheDeadline_DeclinesTheDirectCallOnTheCallersBehalf()
    {
        var due = CreatedAt.AddSeconds(40);

        var (updated, timedOut) = CallLifecycle.RingingTimeout(RingingDirect(), due);

        Assert.True(timedOut);
        Assert.Equal(CallStatus.Declined, updated!.Status);
        Assert.Equal(Caller, updated.EndedBy);
        Assert.Equal(due, updated.EndedAt);
        Assert.False(updated.Ringing);
        Assert.Null(updated.RingingUntil);
    }

    [Fact]
    public void RingingTimeout_OfAnAnsweredCall_ChangesNothing()
    {
        var started = CallLifecycle.Join(RingingDirect(), UserOf(Callee), Later).Updated!;

        var (updated, timedOut) = CallLifecycle.RingingTimeout(started, CreatedAt.AddSeconds(41));

        Assert.Null(updated);
        Assert.False(timedOut);
    }

    [Fact]
    public void RingingTimeout_OfAGroupCall_OnlyStopsTheRinging()
    {
        var (updated, timedOut) = CallLifecycle.RingingTimeout(RingingConference(), CreatedAt.AddSeconds(41));

        Assert.True(timedOut);
        Assert.False(updated!.Ringing);
        Assert.Equal(CallStatus.Started, updated.Status);
        Assert.Null(updated.EndedAt);
        Assert.Null(updated.EndedBy);
    }

    [Fact]
    public void RingingTimeout_AppliedTwice_MovesTheCallOnce()
    {
        var declined = CallLifecycle.RingingTimeout(RingingDirect(), CreatedAt.AddSeconds(41)).Updated!;

        var (again, timedOut) = CallLifecycle.RingingTimeout(declined, CreatedAt.AddSeconds(42));

        Assert.Null(again);
        Assert.False(timedOut);
    }

    [Fact]
    public void Expire_BeforeTheLifetime_ChangesNothing()
    {
        var (updated, expired) = CallLifecycle.Expire(Conference(), TimeSpan.FromHours(24), Lifetime24h.AddSeconds(-1));

        Assert.Null(updated);
        Assert.False(expired);
    }

    [Fact]
    public void Expire_AfterTheLifetime_ExpiresTheCallWithEndedAt()
    {
        var now = Lifetime24h.AddMinutes(1);

        var (updated, expired) = CallLifecycle.Expire(Conference(), TimeSpan.FromHours(24), now);

        Assert.True(expired);
        Assert.Equal(CallStatus.Expired, updated!.Status);
        Assert.Equal(now, updated.EndedAt);
        Assert.Equal(now, updated.UpdatedAt);
        Assert.Null(updated.Ringing);
    }

    [Fact]
    public void Expire_OfACallThatRang_LeavesRingingFalse()
    {
        var (updated, _) = CallLifecycle.Expire(RingingConference(), TimeSpan.FromHours(24), Lifetime24h.AddMinutes(1));

        Assert.False(updated!.Ringing);
    }

    [Fact]
    public void Expire_AppliedTwice_DoesNothingTheSecondTime()
    {
        var expired = CallLifecycle.Expire(Conference(), TimeSpan.FromHours(24), Lifetime24h.AddMinutes(1)).Updated!;

        var (again, movedAgain) = CallLifecycle.Expire(expired, TimeSpan.FromHours(24), Lifetime24h.AddMinutes(2));

        Assert.Null(again);
        Assert.False(movedAgain);
    }

    [Fact]
    public void Expire_OfADeclinedCall_DoesNothing()
    {
        var declined = CallLifecycle.Cancel(RingingDirect(), Caller, Later).Updated!;

        var (updated, expired) = CallLifecycle.Expire(declined, TimeSpan.FromHours(24), Lifetime24h.AddHours(1));

        Assert.Null(updated);
        Assert.False(expired);
    }
}
