namespace Telemetry.Ingest.Influx.Internal;

/// <summary>
/// Stops every writer while InfluxDB refuses the credentials or the database: one writer (the prober) retries
/// its request at intervals, the others wait here until it succeeds.
/// </summary>
internal sealed class PauseGate
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _resumed;
    private string? _reason;

    /// <summary>Why writing is paused, or null.</summary>
    public string? Reason
    {
        get
        {
            lock (_lock)
            {
                return _reason;
            }
        }
    }

    /// <summary>Pauses writing; true when the caller is the first to pause it and so becomes the prober.</summary>
    public bool TryPause(string reason)
    {
        lock (_lock)
        {
            if (_resumed is not null)
            {
                return false;
            }
            _resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _reason = reason;
            return true;
        }
    }

    /// <summary>The prober saw a different answer: let every writer go on.</summary>
    public void Resume()
    {
        TaskCompletionSource? resumed;
        lock (_lock)
        {
            resumed = _resumed;
            _resumed = null;
            _reason = null;
        }
        resumed?.TrySetResult();
    }

    /// <summary>Completes at once while not paused, else when writing resumes.</summary>
    public Task WaitAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            return _resumed is null ? Task.CompletedTask : _resumed.Task.WaitAsync(ct);
        }
    }
}
