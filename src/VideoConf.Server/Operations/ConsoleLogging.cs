using Microsoft.Extensions.Logging.Console;

namespace VideoConf.Server.Operations;

/// <summary>
/// Console logs are JSON lines with UTC timestamps, for log collectors; on a terminal they are plain lines for a
/// person. <c>Logging:Console:FormatterName</c> (<c>json</c>, <c>simple</c> or <c>systemd</c>) chooses either way.
/// </summary>
internal static class ConsoleLogging
{
    private const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";

    public static void AddVideoConfConsoleLogging(this WebApplicationBuilder builder)
    {
        var formatter = builder.Configuration["Logging:Console:FormatterName"] is { Length: > 0 } configured
            ? configured
            : Console.IsOutputRedirected ? ConsoleFormatterNames.Json : ConsoleFormatterNames.Simple;
        builder.Logging.AddConsole(options => options.FormatterName = formatter);
        builder.Services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.TimestampFormat = TimestampFormat.TrimEnd();
            options.UseUtcTimestamp = true;
        });
        builder.Services.Configure<SimpleConsoleFormatterOptions>(options =>
        {
            options.TimestampFormat = TimestampFormat;
            options.UseUtcTimestamp = true;
            options.SingleLine = true;
        });
    }
}
