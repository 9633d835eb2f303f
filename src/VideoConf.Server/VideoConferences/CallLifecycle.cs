using VideoConf.Server.Storage;

namespace VideoConf.Server.VideoConferences;

/// <summary>How a join ended.</summary>
internal enum JoinOutcome
{
    Joined,
    CallEnded,
}

/// <summary>How a cancel ended.</summary>
internal enum CancelOutcome
{
    Cancelled,
    NotDirect,
    NotCalling,
}

/// <summary>
/// The call state machine as pure functions of (call, event, time): each returns the new record, or null when
/// nothing changes, plus the outcome. Stores apply them atomically.
/// </summary>
internal static class CallLifecycle
{
    /// <summary>
    /// Records a join: the user is added once; the callee answering a ringing direct call starts it; anyone but the
    /// caller joining a ringing group call stops its ringing. The caller's own join changes nothing else.
    /// </summary>
    public static (CallRecord? Updated, JoinOutcome Outcome) Join(CallRecord call, CallUser? user, DateTime now)
    {
        if (call.IsEnded)
        {
            return (null, JoinOutcome.CallEnded);
        }
        var updated = call;
        if (user is null)
        {
            updated = updated with { AnonymousUsers = updated.AnonymousUsers + 1 };
        }
        else if (!updated.Users.Any(u => u.Id == user.Id))
        {
            updated = updated with { Users = [.. updated.Users, user with { Ts = now }] };
        }
        var answered = user?.Id != call.CreatedBy.Id;
        if (answered && call.Type == CallType.Direct && call.Status == CallStatus.Calling)
        {
            updated = updated with { Status = CallStatus.Started, Ringing = false, RingingUntil = null };
        }
        else if (answered && call.Type == CallType.Conference && call.Ringing == true)
        {
            updated = updated with { Ringing = false, RingingUntil = null };
        }
        return ReferenceEquals(updated, call) ? (null, JoinOutcome.Joined) : (updated with { UpdatedAt = now }, JoinOutcome.Joined);
    }

    /// <summary>Either user of a ringing direct call declines or withdraws it.</summary>
    public static (CallRecord? Updated, CancelOutcome Outcome) Cancel(CallRecord call, CallActor canceller, DateTime now)
    {
        if (call.Type != CallType.Direct)
        {
            return (null, CancelOutcome.NotDirect);
        }
        if (call.Status != CallStatus.Calling)
        {
            return (null, CancelOutcome.NotCalling);
        }
        return (Decline(call, canceller, now), CancelOutcome.Cancelled);
    }

    /// <summary>
    /// Nobody answered in time: a direct call is declined on the caller's behalf; a group call just stops ringing.
    /// No change unless the call is still ringing and due.
    /// </summary>
    public static (CallRecord? Updated, bool TimedOut) RingingTimeout(CallRecord call, DateTime now)
    {
        if (call.RingingUntil is not { } due || due > now || call.IsEnded)
        {
            return (null, false);
        }
        if (call.Type == CallType.Direct && call.Status == CallStatus.Calling)
        {
            return (Decline(call, call.CreatedBy, now), true);
        }
        return (call with { Ringing = false, RingingUntil = null, UpdatedAt = now }, true);
    }

    /// <summary>A call still open <paramref name="lifetime"/> after its creation expires. Conditional, so it moves once.</summary>
    public static (CallRecord? Updated, bool Expired) Expire(CallRecord call, TimeSpan lifetime, DateTime now)
    {
        if (call.IsEnded || call.CreatedAt + lifetime > now)
        {
            return (null, false);
        }
        return (call with
        {
            Status = CallStatus.Expired,
            Ringing = call.Ringing is null ? null : false,
            RingingUntil = null,
            EndedAt = now,
            UpdatedAt = now,
        }, true);
    }

    private static CallRecord Decline(CallRecord call, CallActor by, DateTime now) => call with
    {
        Status = CallStatus.Declined,
        Ringing = false,
        RingingUntil = null,
        EndedAt = now,
        EndedBy = by,
        UpdatedAt = now,
    };
}
