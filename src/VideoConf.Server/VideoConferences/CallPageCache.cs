using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using VideoConf.Server.Storage;

namespace VideoConf.Server.VideoConferences;

/// <summary>
/// The newest pages of rooms (<c>list</c> at offset 0) recently served, by room and page size, each labelled with
/// the room version (see <see cref="Storage.ICallStore.ReadRoomStampAsync"/>) read before the page was. A body is
/// served again only while
/// the store still reports that version, so every call inserted or changed — on any instance — is in the next
/// response; what the cache saves is reading and assembling the page, not asking the store.
/// </summary>
internal sealed class CallPageCache(IOptions<StorageOptions> options) : IDisposable
{
    /// <summary>The newest 50-call pages of about two thousand rooms.</summary>
    private const long MaxBytes = 64L * 1024 * 1024;

    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = MaxBytes });

    /// <summary>Off, <c>list</c> neither checks the room's version nor keeps pages (<see cref="StorageOptions.KeepNewestListPages"/>).</summary>
    public bool Enabled { get; } = options.Value.ListPageCacheEnabled;

    public byte[]? Find(string roomId, int limit, long version) =>
        _pages.TryGetValue(new PageKey(roomId, limit), out CachedPage? page) && page!.Version == version ? page.Body : null;

    public void Store(string roomId, int limit, long version, ReadOnlySpan<byte> body) =>
        _pages.Set(new PageKey(roomId, limit), new CachedPage(version, body.ToArray()),
            new MemoryCacheEntryOptions { Size = body.Length, SlidingExpiration = Unused });

    public void Dispose() => _pages.Dispose();

    private readonly record struct PageKey(string RoomId, int Limit);

    private sealed record CachedPage(long Version, byte[] Body);
}
