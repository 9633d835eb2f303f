namespace VideoConf.Server.Tests.Infrastructure;

/// <summary>A new directory under the system's temporary directory for one test's files, removed on dispose.</summary>
public sealed class TestDirectory : IDisposable
{
    private TestDirectory(string path)
    {
        Path = path;
        Directory.CreateDirectory(path);
    }

    public string Path { get; }

    public static TestDirectory Create() => new(NewPath());

    /// <summary>A path for a new directory of its own (not created), for stores that outlive one server.</summary>
    public static string NewPath() => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "videoconf-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The path of <paramref name="name"/> in this directory.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file still held open by a process that is ending; the system's temporary directory is cleaned anyway.
        }
    }
}
