using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace VideoConf.Server.Accounts;

/// <summary>
/// bcrypt runs here, on a few dedicated threads (one per core by default) fed by a bounded queue, never on the
/// thread pool: a flood of logins used to occupy every pool thread with hashing, and every other route
/// (<c>/health/live</c> included) waited behind it. A request waiting for its turn holds no thread, and when the
/// queue is full the caller is told at once so it can answer 503 instead of queueing without end. The workers start
/// with the queue, not as a hosted service: they are threads blocked on the queue, wait on no clock, and end when
/// it is disposed.
/// </summary>
internal sealed class PasswordHashQueue : IDisposable
{
    private readonly BlockingCollection<Action> _jobs;
    private readonly Thread[] _workers;

    public PasswordHashQueue(IOptions<AccountOptions> options)
    {
        var threads = options.Value.PasswordHashThreads > 0 ? options.Value.PasswordHashThreads : Environment.ProcessorCount;
        var limit = options.Value.PasswordHashQueueLimit > 0 ? options.Value.PasswordHashQueueLimit : 32 * threads;
        _jobs = new BlockingCollection<Action>(new ConcurrentQueue<Action>(), limit);
        _workers = Enumerable.Range(0, threads).Select(i => new Thread(Work) { IsBackground = true, Name = $"bcrypt-{i}" }).ToArray();
        Array.ForEach(_workers, worker => worker.Start());
    }

    /// <summary>Queues <paramref name="work"/>; null when the queue is full (or the server is stopping).</summary>
    public Task<T>? TryRun<T>(Func<T> work, CancellationToken cancellationToken)
    {
        // Continuations leave the worker at once, so a worker only ever runs hashing.
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Job()
        {
            if (cancellationToken.IsCancellationRequested)
            {
                completion.TrySetCanceled(cancellationToken);
                return;
            }
            try
            {
                completion.TrySetResult(work());
            }
#pragma warning disable CA1031 // Any failure of the work belongs to the caller awaiting it, not to the worker thread.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                completion.TrySetException(ex);
            }
        }
        try
        {
            return _jobs.TryAdd(Job) ? completion.Task : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private void Work()
    {
        foreach (var job in _jobs.GetConsumingEnumerable())
        {
            job();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _jobs.CompleteAdding();
            Array.ForEach(_workers, worker => worker.Join());
            _jobs.Dispose();
        }
    }

    private int _disposed;
}
