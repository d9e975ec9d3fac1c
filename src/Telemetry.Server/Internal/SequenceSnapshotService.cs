using Microsoft.Extensions.Options;
using Telemetry.Ingest.Sequences;

namespace Telemetry.Server.Internal;

/// <summary>
/// Restores the sequence tracker from <see cref="SequenceOptions.SnapshotPath"/> before the server accepts calls,
/// saves it every <see cref="SequenceOptions.SnapshotInterval"/> while it changes, and once more after the server
/// has stopped taking batches (registered before the sink's lifetime service, so it stops after it).
/// </summary>
internal sealed class SequenceSnapshotService(
    SequenceTracker tracker, IOptions<SequenceOptions> options, ILogger<SequenceSnapshotService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long _saved = -1;

    private string? Path => tracker.Enabled ? options.Value.SnapshotPath : null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Path is not { } path)
        {
            return Task.CompletedTask;
        }
        try
        {
            var windows = tracker.LoadSnapshot(path);
            if (windows > 0)
            {
                Log.SequencesRestored(logger, windows, path);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Log.SequencesNotRestored(logger, path, e.Message);
        }
        _saved = tracker.Changes;
        _loop = SaveLoopAsync(path);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_loop is null)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        Save(Path!);
    }

    public void Dispose() => _stop.Dispose();

    private async Task SaveLoopAsync(string path)
    {
        using var timer = new PeriodicTimer(options.Value.SnapshotInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                Save(path);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the last save follows in StopAsync.
        }
    }

    private void Save(string path)
    {
        var changes = tracker.Changes;
        if (changes == _saved)
        {
            return;
        }
        try
        {
            tracker.SaveSnapshot(path);
            _saved = changes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.SequencesNotSaved(logger, path, e.Message, options.Value.SnapshotInterval.TotalSeconds);
        }
    }
}
