using System.Threading.Channels;
using Grpc.Core;
using Telemetry.Contracts.V1;

namespace Telemetry.Server.Internal;

/// <summary>
/// The acknowledgement side of one ingest stream: tracks submitted batches, writes each ack as its batch is
/// written (possibly out of order), and bounds how many batches may be in flight. A batch's room is given back only
/// once its ack has been written to the stream, so a client that stops reading acks stops the server reading its
/// batches (HTTP/2 flow control then holds it): per stream at most <c>maxInFlight</c> batches and acks exist, and
/// no new batch is read while the acks waiting to be written hold more than <c>maxAckBytes</c>.
/// </summary>
internal sealed class StreamSession : IDisposable
{
    private readonly IServerStreamWriter<BatchAck> _responses;
    private readonly SemaphoreSlim _room;
    private readonly int _capacity;
    private readonly int _maxRejections;
    private readonly long _maxAckBytes;
    private readonly SemaphoreSlim _ackWritten = new(0, 1);
    private long _queuedAckBytes;
    private readonly Channel<BatchAck> _acks;
    private readonly CancellationTokenSource _stop;
    private readonly CancellationTokenSource _failed = new();
    private readonly Task _writer;
    private Exception? _failure;

    public StreamSession(
        IServerStreamWriter<BatchAck> responses, int maxInFlight, int maxRejections, long maxAckBytes, CancellationToken callAborted)
    {
        _responses = responses;
        _capacity = maxInFlight;
        _maxRejections = maxRejections;
        _maxAckBytes = maxAckBytes;
        _room = new SemaphoreSlim(maxInFlight, maxInFlight);
        _acks = Channel.CreateBounded<BatchAck>(new BoundedChannelOptions(maxInFlight) { SingleReader = true });
        _stop = CancellationTokenSource.CreateLinkedTokenSource(callAborted);
        _writer = WriteAcksAsync();
    }

    /// <summary>
    /// Waits until another batch may be submitted and takes its room; false (room given back) once the session
    /// has failed. The caller either hands the room to <see cref="Track"/> or gives it back with <see cref="ReleaseRoom"/>.
    /// </summary>
    public async ValueTask<bool> WaitForRoomAsync(CancellationToken cancellationToken)
    {
        await _room.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (Volatile.Read(ref _queuedAckBytes) > _maxAckBytes && Volatile.Read(ref _failure) is null)
            {
                await _ackWritten.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            _room.Release();
            throw;
        }
        if (Volatile.Read(ref _failure) is null)
        {
            return true;
        }
        _room.Release();
        return false;
    }

    /// <summary>
    /// Fires when a tracked batch has failed: the call's reading should stop at once and end with that batch's status
    /// (<see cref="CompleteAsync"/>), rather than wait for a next message that a client waiting for its acks never sends.
    /// </summary>
    public CancellationToken Failed => _failed.Token;

    /// <summary>Whether a tracked batch has failed.</summary>
    public bool HasFailed => Volatile.Read(ref _failure) is not null;

    /// <summary>Gives back a room taken by <see cref="WaitForRoomAsync"/> that no batch used.</summary>
    public void ReleaseRoom() => _room.Release();

    /// <summary>Sends the ack of <paramref name="pending"/> when it completes; its room is freed once the ack is written.</summary>
    public void Track(Task<BatchAck> pending) => _ = ForwardAsync(pending);

    /// <summary>
    /// Waits until every tracked batch's ack is written and returns the first failure, if any; a cancelled call
    /// stops waiting at once (batches still in the sink finish without anyone to tell).
    /// </summary>
    public async Task<Exception?> CompleteAsync(CancellationToken callAborted)
    {
        try
        {
            for (var i = 0; i < _capacity; i++)
            {
                await _room.WaitAsync(callAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException e)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
            await AbandonAsync().ConfigureAwait(false);
            return Volatile.Read(ref _failure);
        }
        _acks.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        return Volatile.Read(ref _failure);
    }

    /// <summary>Stops sending acks (the call is failing) and waits for the writer to stop.</summary>
    public async Task AbandonAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _acks.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stop.Dispose();
        _failed.Dispose();
        _ackWritten.Dispose();
    }

    private async Task ForwardAsync(Task<BatchAck> pending)
    {
        try
        {
            var ack = AckLimiter.Fit(await pending.ConfigureAwait(false), _maxRejections);
            Interlocked.Add(ref _queuedAckBytes, ack.CalculateSize());
            if (!_acks.Writer.TryWrite(ack))
            {
                AckGone(ack); // abandoned: no one will write it
                _room.Release();
            }
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
            _room.Release();
            try
            {
                _failed.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The call already ended.
            }
        }
    }

    private async Task WriteAcksAsync()
    {
        // Reads to the end even after a failed write, so that every queued ack gives its room back.
        await foreach (var ack in _acks.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                if (!_stop.IsCancellationRequested)
                {
                    await _responses.WriteAsync(ack, _stop.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or IOException)
            {
                // The client is gone or the call is failing: its remaining acks have no one to read them.
                Interlocked.CompareExchange(ref _failure, e, null);
                _stop.Cancel();
            }
            finally
            {
                AckGone(ack);
                _room.Release();
            }
        }
    }

    private void AckGone(BatchAck ack)
    {
        Interlocked.Add(ref _queuedAckBytes, -ack.CalculateSize());
        if (_ackWritten.CurrentCount == 0)
        {
            try
            {
                _ackWritten.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another ack released it first: the reader wakes once either way.
            }
        }
    }
}
