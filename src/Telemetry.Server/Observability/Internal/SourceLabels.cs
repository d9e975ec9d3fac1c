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
    private readonly Lock _adding = new();
    private volatile bool _full;

    public string Of(string source)
    {
        if (_labels.TryGetValue(source, out var label))
        {
            return label;
        }

        if (_full)
        {
            return Other;
        }

        // A new source while there is room: at most max times, so under a lock, which keeps the count exact when
        // two threads bring the same one.
        lock (_adding)
        {
            if (!_labels.TryGetValue(source, out label))
            {
                if (_full)
                {
                    return Other;
                }

                label = _labels.GetOrAdd(source, source);
                _full = _labels.Count >= max;
            }
            return label;
        }
    }
}
