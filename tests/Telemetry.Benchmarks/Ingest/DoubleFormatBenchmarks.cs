using System.Globalization;
using BenchmarkDotNet.Attributes;
using Telemetry.Ingest.LineProtocol.Internal;

namespace Telemetry.Benchmarks.Ingest;

/// <summary>
/// Shortest round-trip formatting of the benchmark frames' doubles (full-precision sensor values, 15-17 digits):
/// ours against the framework's UTF-8 <c>double.TryFormat</c>. Times are per value.
/// </summary>
public class DoubleFormatBenchmarks
{
    private const int Values = 4_000;
    private readonly byte[] _output = new byte[DoubleFormat.MaxBytes];
    private double[] _values = [];

    /// <summary>The double fields of the encoder benchmark's frames, in order.</summary>
    [GlobalSetup]
    public void Setup() =>
        _values = [.. BenchmarkFrames.Create(Values / 4)
            .SelectMany(f => f.Fields)
            .Where(f => f.ValueCase == Telemetry.Contracts.V1.Field.ValueOneofCase.DoubleValue)
            .Select(f => f.DoubleValue)
            .Take(Values)];

    /// <summary>The framework's shortest round-trip formatter, straight to UTF-8.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Values)]
    public int Framework()
    {
        int total = 0;
        foreach (double value in _values)
        {
            value.TryFormat(_output, out int written, default, CultureInfo.InvariantCulture);
            total += written;
        }

        return total;
    }

    /// <summary>The encoder's formatter.</summary>
    [Benchmark(OperationsPerInvoke = Values)]
    public int Encoder()
    {
        int total = 0;
        foreach (double value in _values)
        {
            DoubleFormat.TryFormat(value, _output, out int written);
            total += written;
        }

        return total;
    }
}
