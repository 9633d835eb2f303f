namespace VideoConf.Server.Events;

/// <summary>What happened to a call.</summary>
internal enum CallChange
{
    /// <summary>The call was started.</summary>
    Started,

    /// <summary>Someone joined it.</summary>
    Joined,

    /// <summary>Its state moved without ending it (ringing stopped, for example).</summary>
    Updated,

    /// <summary>It ended: cancelled, declined, timed out or expired.</summary>
    Ended,
}
