using System.Diagnostics;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>
/// Stops the servers the tests start once this test process has ended, however it ended: a run that is killed or
/// times out leaves no PostgreSQL cluster, Redis server or server process behind. Each cleanup is a small shell in a session of its
/// own (so whatever ends the test process does not end it) that waits for this process to be gone, then runs.
/// </summary>
internal static class TestRunCleanup
{
    /// <summary>Runs <paramref name="shellCommands"/> after this process has exited.</summary>
    public static void AfterTestRun(string shellCommands) => Start($"{WaitForTheRun}; {shellCommands}");

    /// <summary>
    /// Ends process <paramref name="pid"/> after the run, unless it ended first (then the cleanup ends too). The
    /// process is recognized by its start time as well as its id, so one that later got the same id is left alone.
    /// </summary>
    public static void KillAfterTestRun(int pid)
    {
        var same = $"[ \"$(cut -d' ' -f22 /proc/{pid}/stat)\" = \"$t\" ]";
        Start($"t=$(cut -d' ' -f22 /proc/{pid}/stat); [ -n \"$t\" ] || exit; while kill -0 {Environment.ProcessId} && {same}; do sleep 1; done; {same} && kill {pid}");
    }

    private static string WaitForTheRun => $"while kill -0 {Environment.ProcessId}; do sleep 1; done";

    private static void Start(string script)
    {
        // Redirected, and the shell lets go of the pipes at once, so it does not hold the test runner's output open.
        var start = new ProcessStartInfo("setsid", ["sh", "-c", $"exec </dev/null >/dev/null 2>&1; {script}"])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var cleanup = Process.Start(start) ?? throw new InvalidOperationException("Could not start the cleanup of a test server.");
    }
}
