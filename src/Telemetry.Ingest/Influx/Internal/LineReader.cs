namespace Telemetry.Ingest.Influx.Internal;

/// <summary>Walks the '\n'-terminated lines of a buffer without allocating; <see cref="Current"/> excludes the '\n'.</summary>
internal ref struct LineReader(ReadOnlySpan<byte> lines)
{
    private ReadOnlySpan<byte> _rest = lines;

    public ReadOnlySpan<byte> Current { get; private set; }

    public bool MoveNext()
    {
        if (_rest.IsEmpty)
        {
            return false;
        }
        var newline = _rest.IndexOf((byte)'\n');
        var end = newline < 0 ? _rest.Length : newline;
        Current = _rest[..end];
        _rest = newline < 0 ? default : _rest[(newline + 1)..];
        return true;
    }
}
