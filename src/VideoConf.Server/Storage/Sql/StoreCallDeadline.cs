namespace VideoConf.Server.Storage.Sql;

/// <summary>
/// One deadline for a whole store call: the wait for a pooled connection, connecting, every command and the commit.
/// The driver's own timeouts each bound one step, and they add up: a frozen server (the kernel still accepts
/// connections, nothing answers) otherwise holds a request for several of them in a row. At the deadline the call's
/// token is cancelled and the call surfaces as a <see cref="TimeoutException"/>.
/// </summary>
internal sealed class StoreCallDeadline(TimeSpan limit, TimeProvider time)
{
    public TimeSpan Limit => limit;

    /// <summary>
    /// Runs <paramref name="call"/> with a token cancelled at the deadline, and stops waiting for it then even where a
    /// step does not watch that token; the abandoned call ends in the background within the driver's own timeouts.
    /// Only for calls whose result is their sole effect on the caller.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var timer = new CancellationTokenSource(limit, time);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        Task<T>? running = null;
        try
        {
            running = call(linked.Token);
            return await running.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException ex) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Expired(ex);
        }
        finally
        {
            // The sources go only once nothing uses their token any more: at once, or when the abandoned call ends.
            if (running is null || running.IsCompleted)
            {
                Dispose(timer, linked);
            }
            else
            {
                _ = running.ContinueWith(static (ended, sources) =>
                {
                    _ = ended.Exception; // observed: the caller has already been answered
                    var (timer, linked) = ((CancellationTokenSource, CancellationTokenSource))sources!;
                    Dispose(timer, linked);
                }, (timer, linked), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="call"/> with a token cancelled at the deadline and waits for it to end: for calls that
    /// hand rows to a callback, which must never run once the caller has moved on. The call must pass the token to
    /// every step.
    /// </summary>
    public async Task RunToEndAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await call(linked.Token);
        }
        catch (Exception ex) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Expired(ex);
        }
    }

    private TimeoutException Expired(Exception inner) =>
        new($"The store did not answer within {limit.TotalSeconds:0.#} s.", inner);

    private static void Dispose(CancellationTokenSource timer, CancellationTokenSource linked)
    {
        linked.Dispose();
        timer.Dispose();
    }
}
