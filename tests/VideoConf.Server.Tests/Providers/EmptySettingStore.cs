using VideoConf.Server.Storage;

namespace VideoConf.Server.Tests.Providers;

/// <summary>A setting store with nothing saved, so values come from configuration alone.</summary>
internal sealed class EmptySettingStore : ISettingStore
{
    public Task<IReadOnlyDictionary<string, string>> LoadAllAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    public Task SaveAsync(string id, string valueJson, DateTime updatedAt, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("These tests configure settings at start-up only.");
}
