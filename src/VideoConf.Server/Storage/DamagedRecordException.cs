namespace VideoConf.Server.Storage;

/// <summary>
/// A stored record that cannot be trusted (its bytes are not what the service wrote, for example after the file was
/// damaged or edited by hand). It is never sent; the request fails as a fault of the server, and the log names it.
/// </summary>
public sealed class DamagedRecordException : Exception
{
    public DamagedRecordException()
    {
    }

    public DamagedRecordException(string message)
        : base(message)
    {
    }

    public DamagedRecordException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
