using System.Collections.Concurrent;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>A hand-written <see cref="ISettingStore"/> that keeps saved values in memory, for settings without a server.</summary>
internal sealed class InMemorySettingStore : ISettingStore
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    public Task<IReadOnlyDictionary<string, string>> LoadAllAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(_values, StringComparer.Ordinal));

    public Task SaveAsync(string id, string valueJson, DateTime updatedAt, CancellationToken cancellationToken = default)
    {
        _values[id] = valueJson;
        return Task.CompletedTask;
    }
}
