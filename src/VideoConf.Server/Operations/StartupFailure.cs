using Microsoft.Extensions.Options;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Operations;

/// <summary>
/// Start-up failures an operator has to fix (a damaged or unwritable store, a setting out of range) end the process
/// with one line on the console and exit code 1, instead of the runtime's stack trace. Only until the server is
/// ready: a failure after that keeps its full report.
/// </summary>
internal static class StartupFailure
{
    private static bool s_starting;

    public static void ReportInOneLineWhileStarting()
    {
        s_starting = true;
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (s_starting && e.ExceptionObject is StoreStartupException or OptionsValidationException or InvalidOperationException)
            {
                Console.Error.WriteLine($"VideoConf could not start: {((Exception)e.ExceptionObject).Message}");
                Environment.Exit(1);
            }
        };
    }

    public static void Started() => s_starting = false;
}
