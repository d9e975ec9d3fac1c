using System.Runtime.CompilerServices;

namespace Telemetry.Simulation.Core.Internal;

/// <summary>Arithmetic shortcuts the integrators of both vehicles share on their hot paths.</summary>
internal static class FastMath
{
    /// <summary>
    /// 1/(x + d) from 1/x when |d/x| is tiny: (1/x)(1 − e + e² − e³) with e = d/x. Within a step e is below 1e-4
    /// for mass and 1e-6 for radius, so the dropped e⁴ term is under 1e-16: as exact as the division it replaces.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Reciprocal(double inverse, double delta)
    {
        var e = delta * inverse;
        return inverse * (1 - (e * (1 - (e * (1 - e)))));
    }
}
