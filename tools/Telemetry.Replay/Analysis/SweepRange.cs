using Telemetry.Replay.Commands;

namespace Telemetry.Replay.Analysis;

/// <summary>The values of a sweep: from <c>from</c> towards <c>to</c> in steps of |step|, both ends included.</summary>
internal static class SweepRange
{
    public const int MaxPoints = 10_000;

    public static IReadOnlyList<double> Values(double from, double to, double step)
    {
        if (!double.IsFinite(from) || !double.IsFinite(to) || !double.IsFinite(step) || step == 0)
        {
            throw new UsageException($"--step must be a finite non-zero number (got {step}), and --from/--to finite.");
        }

        var size = Math.Abs(step);
        var direction = Math.Sign(to - from);
        // A tolerance of a millionth of a step keeps 'to' in the range despite binary rounding of decimal steps.
        var count = (int)Math.Min(Math.Floor((Math.Abs(to - from) / size) + 1e-6) + 1, MaxPoints + 1.0);
        if (count > MaxPoints)
        {
            throw new UsageException($"The sweep would take more than {MaxPoints} points; use a larger --step.");
        }

        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            // Multiplying, not accumulating, so that 3000 - 28 * 100 is exactly 200.
            values[i] = from + (direction * i * size);
        }

        return values;
    }
}
