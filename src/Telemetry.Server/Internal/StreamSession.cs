using System.Threading.Channels;
using Grpc.Core;
using Telemetry.Contracts.V1;

namespace Telemetry.Server.Internal;

/// <summary>
/// The acknowledgement side of one ingest stream: tracks submitted batches, writes each ack as its batch is
/// written (possibly out of order), and bounds how many batches may be in flight.
/// </summary>
internal sealed class StreamSession
{
    private readonly IServerStreamWriter<BatchAck> _responses;
    private readonly SemaphoreSlim _room;
    private readonly int _capacity;
    private readonly Channel<BatchAck> _acks = Channel.CreateUnbounded<BatchAck>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly Task _writer;
    private readonly CancellationTokenSource _abandon = new();
    private Exception? _failure;

    public StreamSession(IServerStreamWriter<BatchAck> responses, int maxInFlight)
    {
        _responses = responses;
        _capacity = maxInFlight;
        _room = new SemaphoreSlim(maxInFlight, maxInFlight);
        _writer = WriteAcksAsync();
    }

    /// <summary>
    /// Waits until another batch may be submitted and takes its room; false (room given back) once the session
    /// has failed. The caller either hands the room to <see cref="Track"/> or gives it back with <see cref="ReleaseRoom"/>.
    /// </summary>
    public async ValueTask<bool> WaitForRoomAsync(CancellationToken cancellationToken)
    {
        await _room.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _failure) is null)
        {
            return true;
        }
        _room.Release();
        return false;
    }

    /// <summary>Gives back a room taken by <see cref="WaitForRoomAsync"/> that no batch used.</summary>
    public void ReleaseRoom() => _room.Release();

    /// <summary>Sends the ack of <paramref name="pending"/> when it completes; releases its room afterwards.</summary>
    public void Track(Task<BatchAck> pending) => _ = ForwardAsync(pending);

    /// <summary>Waits for every tracked batch, sends the remaining acks and returns the first failure, if any.</summary>
    public async Task<Exception?> CompleteAsync()
    {
        for (var i = 0; i < _capacity; i++)
        {
            await _room.WaitAsync().ConfigureAwait(false);
        }
        _acks.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        return Volatile.Read(ref _failure);
    }

    /// <summary>Stops sending acks (the call is failing) and waits for the writer to stop.</summary>
    public async Task AbandonAsync()
    {
        await _abandon.CancelAsync().ConfigureAwait(false);
        _acks.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task ForwardAsync(Task<BatchAck> pending)
    {
        try
        {
            var ack = await pending.ConfigureAwait(false);
            _acks.Writer.TryWrite(ack);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
        }
        finally
        {
            _room.Release();
        }
    }

    private async Task WriteAcksAsync()
    {
        try
        {
            await foreach (var ack in _acks.Reader.ReadAllAsync(_abandon.Token).ConfigureAwait(false))
            {
                await _responses.WriteAsync(ack, _abandon.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or IOException)
        {
            // The client is gone or the call is failing: its remaining acks have no one to read them.
            Interlocked.CompareExchange(ref _failure, e, null);
        }
    }
}
