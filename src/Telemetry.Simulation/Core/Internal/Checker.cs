namespace Telemetry.Simulation.Core.Internal;

/// <summary>Range checks for scenario validators: the first bad value throws a <see cref="ScenarioException"/> naming its JSON path.</summary>
internal readonly struct Checker(string source)
{
    public void Fail(string path, string problem) => throw new ScenarioException(source, path, problem);

    public void Finite(double value, string path)
    {
        if (!double.IsFinite(value))
        {
            Fail(path, $"must be a finite number, got {value}.");
        }
    }

    public void Positive(double value, string path)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            Fail(path, $"must be greater than 0, got {value}.");
        }
    }

    public void NonNegative(double value, string path)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            Fail(path, $"must be 0 or more, got {value}.");
        }
    }

    public void Fraction(double value, string path)
    {
        if (!(value >= 0 && value <= 1))
        {
            Fail(path, $"must be between 0 and 1, got {value}.");
        }
    }

    public void AtMost(double value, double max, string path)
    {
        if (value > max)
        {
            Fail(path, $"must be at most {max}, got {value}.");
        }
    }

    /// <summary>Every point's key finite and strictly above the one before it (path <c>{path}[i].{name}</c>).</summary>
    public void Increasing<T>(IReadOnlyList<T> points, Func<T, double> key, string path, string name)
    {
        for (var i = 0; i < points.Count; i++)
        {
            Finite(key(points[i]), $"{path}[{i}].{name}");
            if (i > 0 && key(points[i]) <= key(points[i - 1]))
            {
                Fail($"{path}[{i}].{name}", "points must be in strictly increasing order.");
            }
        }
    }

    /// <summary>The published figures of a scenario's reference: each value finite, each tolerance 0 or more.</summary>
    public void Figures<T>(IReadOnlyList<T> figures, Func<T, double> value, Func<T, double> tolerance)
    {
        for (var i = 0; i < figures.Count; i++)
        {
            Finite(value(figures[i]), $"$.reference.figures[{i}].value");
            NonNegative(tolerance(figures[i]), $"$.reference.figures[{i}].tolerance");
        }
    }

    public void NotEmpty(string value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(path, "must not be empty.");
        }
    }
}
