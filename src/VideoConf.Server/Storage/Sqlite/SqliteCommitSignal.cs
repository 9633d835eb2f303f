namespace VideoConf.Server.Storage.Sqlite;

/// <summary>
/// The writer's word to the <see cref="SqliteCheckpointer"/> that something was committed. Raising it never waits,
/// and any number of commits between two waits count as one.
/// </summary>
internal sealed class SqliteCommitSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Raise()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already raised by a commit racing this one.
            }
        }
    }

    /// <summary>Waits until the signal is raised, and lowers it.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _signal.WaitAsync(cancellationToken);

    /// <summary>Lowers the signal if it is raised; whether it was.</summary>
    public bool TryTake() => _signal.Wait(0, CancellationToken.None);
}
