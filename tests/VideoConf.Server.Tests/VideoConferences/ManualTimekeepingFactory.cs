using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VideoConf.Server.Tests.Infrastructure;
using VideoConf.Server.VideoConferences;

namespace VideoConf.Server.Tests.VideoConferences;

/// <summary>
/// The server without the background <see cref="CallTimekeeper"/> loop: tests run its sweeps themselves. Advancing
/// the fake clock by a day fires the half-second ringing timer 172,800 times, which takes many seconds; without
/// the loop such advances are instant. The sweep logic under test is the same.
/// </summary>
public sealed class ManualTimekeepingFactory : VideoConfFactory
{
    public ManualTimekeepingFactory()
    {
    }

    /// <summary>A second server on <paramref name="previous"/>'s store, as another instance or after a restart.</summary>
    public ManualTimekeepingFactory(VideoConfFactory previous)
        : base(previous.Directory, previous.PostgresConnectionString)
    {
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        var loop = services.Single(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationFactory?.Method.DeclaringType?.Assembly == typeof(CallTimekeeper).Assembly);
        services.Remove(loop);
    }
}
