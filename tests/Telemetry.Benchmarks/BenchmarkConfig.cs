using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace Telemetry.Benchmarks;

/// <summary>The configuration every benchmark shares: allocations are always measured.</summary>
public sealed class BenchmarkConfig : ManualConfig
{
    /// <summary>Default BenchmarkDotNet jobs plus <see cref="MemoryDiagnoser"/>.</summary>
    public BenchmarkConfig()
    {
        Add(DefaultConfig.Instance);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
