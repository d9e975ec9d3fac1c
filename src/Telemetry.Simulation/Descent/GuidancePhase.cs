namespace Telemetry.Simulation.Descent;

/// <summary>Guidance phase in flight order.</summary>
public enum GuidancePhase
{
    /// <summary>E-guidance braking from orbital speed to the approach gate.</summary>
    Braking,

    /// <summary>Near-vertical attitude at the hold throttle, waiting for an LRF-validated altitude at the design altitude.</summary>
    VerticalHold,

    /// <summary>E-guidance from the trigger altitude to the low gate.</summary>
    LandingBurn,

    /// <summary>Rate-of-descent control to contact.</summary>
    TerminalDescent,

    /// <summary>No thrust: the propellant is gone.</summary>
    FreeFall,

    /// <summary>On the surface (soft or not).</summary>
    Landed,
}
