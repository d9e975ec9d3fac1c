using System.Buffers;

namespace Telemetry.Ingest.Pipeline.Internal;

/// <summary>An <see cref="IBufferWriter{T}"/> over one array rented from <see cref="ArrayPool{T}.Shared"/>, grown by renting a larger one.</summary>
internal sealed class PooledBufferWriter<T> : IBufferWriter<T>, IDisposable
{
    private T[] _buffer;
    private int _written;

    public PooledBufferWriter(int initialCapacity)
    {
        _buffer = ArrayPool<T>.Shared.Rent(Math.Max(initialCapacity, 256));
    }

    public int WrittenCount => _written;

    public ReadOnlyMemory<T> WrittenMemory => _buffer.AsMemory(0, _written);

    public ReadOnlySpan<T> WrittenSpan => _buffer.AsSpan(0, _written);

    public void Advance(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _written))
        {
            ThrowHelper.ThrowAdvancedTooFar();
        }
        _written += count;
    }

    public Memory<T> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<T> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Appends one item.</summary>
    public void Add(T item)
    {
        Ensure(1);
        _buffer[_written++] = item;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<T>.Shared.Return(buffer);
        }
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }
        var grown = ArrayPool<T>.Shared.Rent(Math.Max(_buffer.Length * 2, _written + needed));
        _buffer.AsSpan(0, _written).CopyTo(grown);
        ArrayPool<T>.Shared.Return(_buffer);
        _buffer = grown;
    }
}
