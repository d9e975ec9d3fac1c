namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// The U.S. Standard Atmosphere 1976 to 86 km, then an exponential tail at a 6.5 km scale height to 150 km (none above),
/// tabulated every 100 m once: a step reads density and speed of sound by linear interpolation.
/// </summary>
internal static class Atmosphere
{
    public const double TopM = 150_000;
    private const double SpacingM = 100;
    private static readonly double[] Density = new double[(int)(TopM / SpacingM) + 2];
    private static readonly double[] SoundSpeed = new double[Density.Length];

    // Base geopotential heights (m), temperatures (K), pressures (Pa) and lapse rates (K/m) of the 1976 layers.
    private static readonly double[] BaseH = [0, 11_000, 20_000, 32_000, 47_000, 51_000, 71_000];
    private static readonly double[] BaseT = [288.15, 216.65, 216.65, 228.65, 270.65, 270.65, 214.65];
    private static readonly double[] BaseP = [101_325, 22_632.06, 5_474.889, 868.0187, 110.9063, 66.93887, 3.956420];
    private static readonly double[] Lapse = [-0.0065, 0, 0.001, 0.0028, 0, -0.0028, -0.002];

    static Atmosphere()
    {
        for (var i = 0; i < Density.Length; i++)
        {
            Standard(i * SpacingM, out Density[i], out SoundSpeed[i]);
        }
    }

    /// <summary>Density (kg/m³) and speed of sound (m/s) at a geometric altitude (m).</summary>
    public static void At(double altitudeM, out double density, out double soundSpeed)
    {
        var x = Math.Clamp(altitudeM, 0, TopM) * (1 / SpacingM);
        var i = Math.Min((int)x, Density.Length - 2);
        var f = x - i;
        density = Density[i] + (f * (Density[i + 1] - Density[i]));
        soundSpeed = SoundSpeed[i] + (f * (SoundSpeed[i + 1] - SoundSpeed[i]));
    }

    /// <summary>The model itself, for the table and for tests (geometric altitude in m).</summary>
    internal static void Standard(double altitudeM, out double density, out double soundSpeed)
    {
        const double R = 287.053, Gamma = 1.4, G = 9.80665, R0 = 6_356_766;
        var top = 84_852.0;
        var h = Math.Min(R0 * altitudeM / (R0 + altitudeM), top);
        var layer = BaseH.Length - 1;
        while (h < BaseH[layer])
        {
            layer--;
        }

        var t = BaseT[layer] + (Lapse[layer] * (h - BaseH[layer]));
        var p = Lapse[layer] == 0
            ? BaseP[layer] * Math.Exp(-G * (h - BaseH[layer]) / (R * BaseT[layer]))
            : BaseP[layer] * Math.Pow(t / BaseT[layer], -G / (Lapse[layer] * R));
        density = p / (R * t);
        soundSpeed = Math.Sqrt(Gamma * R * t);
        if (altitudeM > 86_000)
        {
            density *= altitudeM >= TopM ? 0 : Math.Exp(-(altitudeM - 86_000) / 6_500);
        }
    }
}
