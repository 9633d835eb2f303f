namespace VideoConf.Server.Tests.Security;

/// <summary>Reads the SQLite store's files as raw bytes, as an attacker with a copy of the disk would.</summary>
internal static class StoreFiles
{
    /// <summary>The database file and, when present, its write-ahead log, read without disturbing a running server.</summary>
    public static IReadOnlyList<byte[]> ReadAll(string databasePath)
    {
        var files = new List<byte[]> { Read(databasePath) };
        var wal = databasePath + "-wal";
        if (File.Exists(wal))
        {
            files.Add(Read(wal));
        }
        return files;
    }

    public static bool Contains(IEnumerable<byte[]> files, byte[] needle) =>
        files.Any(file => file.AsSpan().IndexOf(needle) >= 0);

    private static byte[] Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
