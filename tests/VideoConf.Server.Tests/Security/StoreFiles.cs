using VideoConf.Server.Tests.Infrastructure;

namespace VideoConf.Server.Tests.Security;

/// <summary>Reads the SQLite store's files as raw bytes, as an attacker with a copy of the disk would.</summary>
internal static class StoreFiles
{
    /// <summary>Every byte the store wrote (SQLite file and WAL, or PostgreSQL's data files), read without disturbing a running server.</summary>
    public static async Task<IReadOnlyList<byte[]>> ReadAllAsync(VideoConfFactory factory) => [await factory.ReadStoreBytesAsync()];

    public static bool Contains(IEnumerable<byte[]> files, byte[] needle) =>
        files.Any(file => file.AsSpan().IndexOf(needle) >= 0);
}
