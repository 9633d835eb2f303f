namespace VideoConf.Server.Storage;

/// <summary>The store could not be opened or migrated at start; the message names the store and the cause.</summary>
public sealed class StoreStartupException : Exception
{
    public StoreStartupException()
    {
    }

    public StoreStartupException(string message)
        : base(message)
    {
    }

    public StoreStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
