using Microsoft.Extensions.Logging;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>One captured log entry; <see cref="Line"/> holds everything it said, for scans.</summary>
public sealed record LogEntry(LogLevel Level, string Category, string Message, string Line);
