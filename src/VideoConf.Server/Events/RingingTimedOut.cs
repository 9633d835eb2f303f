namespace VideoConf.Server.Events;

/// <summary>
/// <c>VideoConf_Ringing_Timeout</c> passed since a direct call started, whatever its state now: the realtime API
/// sends <c>end</c> for it. Published once per direct call across every instance and restart, by the
/// <see cref="VideoConferences.CallTimekeeper"/> that claims the call's stored marker, after the call was declined if it
/// was still ringing (that decline is its own <see cref="CallChanged"/>).
/// </summary>
internal sealed record RingingTimedOut(string CallId, string RoomId) : ServerEvent;
