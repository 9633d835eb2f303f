using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using VideoConf.Server.Http;
using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Http;

/// <summary>The server with a <see cref="FaultGate"/> in its API pipeline.</summary>
public class FaultInjectionFactory : VideoConfFactory
{
    /// <summary>Content-Length as the server saw it (-1: none), per <c>X-Test-Trace</c> id.</summary>
    public ConcurrentDictionary<string, long> AnnouncedLengths { get; } = new(StringComparer.Ordinal);

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<IApiRequestGate>(new FaultGate(AnnouncedLengths));
}
