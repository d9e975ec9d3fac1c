using System.Globalization;

namespace Telemetry.Replay.Output;

/// <summary>Display formatting of numbers for tables and reports (invariant culture; CSV keeps full precision).</summary>
internal static class Number
{
    public static string F(double value, int decimals = 1) =>
        double.IsFinite(value) ? value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "-";

    public static string F(double? value, int decimals = 1) => value is { } v ? F(v, decimals) : "-";

    /// <summary>At most three decimals and no trailing zeros: "1400", "0.367", "-300".</summary>
    public static string Short(double value) =>
        double.IsFinite(value) ? value.ToString("0.###", CultureInfo.InvariantCulture) : "-";

    public static string Percent(double fraction, int decimals = 1) => F(fraction * 100, decimals) + " %";
}
