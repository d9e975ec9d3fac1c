using Telemetry.Replay.Analysis;
using Telemetry.Replay.Commands;

namespace Telemetry.Replay.Tests.Analysis;

public sealed class SweepRangeTests
{
    [Fact]
    public void Values_3000To200Step100_29ExactValuesDescending()
    {
        var values = SweepRange.Values(3000, 200, 100);

        Assert.Equal(29, values.Count);
        Assert.Equal(3000, values[0]);
        Assert.Equal(200, values[^1]);
        Assert.Equal(900, values[21]);
    }

    [Fact]
    public void Values_DecimalStepThatDoesNotAddUpInBinary_IncludesTheEnd()
    {
        var values = SweepRange.Values(0, 1, 0.1);

        Assert.Equal(11, values.Count);
        Assert.Equal(1, values[^1], 12);
    }

    [Fact]
    public void Values_StepPastTheEnd_StopsBeforeIt()
    {
        Assert.Equal([0.0, 4, 8], SweepRange.Values(0, 10, -4));
    }

    [Fact]
    public void Values_ZeroStep_UsageError()
    {
        var error = Assert.Throws<UsageException>(() => SweepRange.Values(0, 10, 0));

        Assert.Contains("--step", error.Message, StringComparison.Ordinal);
    }
}
