namespace Telemetry.Simulation.Descent.Sensitivity;

/// <summary>An outcome figure whose movement the sensitivity analysis reports.</summary>
public enum SensitivityFigure
{
    /// <summary>Vertical speed at contact (m/s); none on a timeout.</summary>
    ContactSpeed,

    /// <summary>Time from the first 3,000 m crossing to contact (s); none without either.</summary>
    From3000MToContact,

    /// <summary>Time from the first 893 m crossing to contact (s); none without either.</summary>
    From893MToContact,

    /// <summary>Total descent duration, to contact or timeout (s).</summary>
    Duration,

    /// <summary>Propellant left at the end (kg).</summary>
    PropellantLeft,

    /// <summary>True altitude when the propellant ran out (m); none when it did not.</summary>
    PropellantOutAltitude,
}

/// <summary>Names, units and measurement of the <see cref="SensitivityFigure"/> values.</summary>
public static class SensitivityFigures
{
    /// <summary>Every figure, in enum order.</summary>
    public static IReadOnlyList<SensitivityFigure> All { get; } = Enum.GetValues<SensitivityFigure>();

    /// <summary>Identifier with its unit, for CSV columns, JSON and file names, e.g. <c>contact_speed_mps</c>.</summary>
    public static string Id(SensitivityFigure figure) => figure switch
    {
        SensitivityFigure.ContactSpeed => "contact_speed_mps",
        SensitivityFigure.From3000MToContact => "from_3000_m_to_contact_s",
        SensitivityFigure.From893MToContact => "from_893_m_to_contact_s",
        SensitivityFigure.Duration => "duration_s",
        SensitivityFigure.PropellantLeft => "propellant_left_kg",
        _ => "propellant_out_altitude_m",
    };

    /// <summary>Words for tables and plots.</summary>
    public static string Label(SensitivityFigure figure) => figure switch
    {
        SensitivityFigure.ContactSpeed => "contact vertical speed",
        SensitivityFigure.From3000MToContact => "time from 3,000 m to contact",
        SensitivityFigure.From893MToContact => "time from 893 m to contact",
        SensitivityFigure.Duration => "descent duration",
        SensitivityFigure.PropellantLeft => "propellant left",
        _ => "altitude at propellant exhaustion",
    };

    /// <summary>Unit of the figure.</summary>
    public static string Unit(SensitivityFigure figure) => figure switch
    {
        SensitivityFigure.ContactSpeed => "m/s",
        SensitivityFigure.PropellantLeft => "kg",
        SensitivityFigure.PropellantOutAltitude => "m",
        _ => "s",
    };

    /// <summary>The figure's value in one run, or null when the run has none (no contact, no crossing, no exhaustion).</summary>
    public static double? Measure(DescentResult result, SensitivityFigure figure)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Outcome;
        var contact = o.Kind != OutcomeKind.Timeout;
        return figure switch
        {
            SensitivityFigure.ContactSpeed => contact ? o.VerticalSpeedMps : null,
            SensitivityFigure.From3000MToContact => contact && result.Crossing(3000) is { } c ? o.TimeS - c.TimeS : null,
            SensitivityFigure.From893MToContact => contact && result.Crossing(893) is { } c ? o.TimeS - c.TimeS : null,
            SensitivityFigure.Duration => o.TimeS,
            SensitivityFigure.PropellantLeft => o.PropellantRemainingKg,
            _ => o.PropellantOutAltitudeM,
        };
    }

    /// <summary>Every figure of one run, in enum order.</summary>
    public static double?[] MeasureAll(DescentResult result) => [.. All.Select(f => Measure(result, f))];
}
