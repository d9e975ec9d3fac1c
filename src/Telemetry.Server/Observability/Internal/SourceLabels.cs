using System.Collections.Concurrent;

namespace Telemetry.Server.Observability.Internal;

/// <summary>
/// The bounded set of <c>source</c> label values: the first <c>max</c> distinct sources keep their name, every later
/// one is <see cref="Other"/>. Lookups of a known source do not allocate.
/// </summary>
internal sealed class SourceLabels(int max)
{
    public const string Other = "_other";

    private readonly ConcurrentDictionary<string, string> _labels = new(StringComparer.Ordinal);
    private int _count;

    public string Of(string source)
    {
        if (_labels.TryGetValue(source, out var label))
        {
            return label;
        }

        if (Interlocked.Increment(ref _count) > max)
        {
            Interlocked.Decrement(ref _count);
            return Other;
        }

        return _labels.GetOrAdd(source, source);
    }
}
