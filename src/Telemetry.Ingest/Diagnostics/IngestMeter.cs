using System.Diagnostics.Metrics;

namespace Telemetry.Ingest.Diagnostics;

/// <summary>
/// The <c>System.Diagnostics.Metrics</c> instruments of the ingest library (meter <see cref="Name"/>): InfluxDB write
/// requests by outcome and their duration. Tags have a fixed, small set of values.
/// </summary>
public static class IngestMeter
{
    /// <summary>The meter's name, <c>Telemetry.Ingest</c>.</summary>
    public const string Name = "Telemetry.Ingest";

    private static readonly Meter Meter = new(Name);

    /// <summary>Write requests sent to InfluxDB, tagged <c>outcome</c> (written, partial, paused, too_large, transient).</summary>
    internal static readonly Counter<long> InfluxRequests = Meter.CreateCounter<long>(
        "influx.requests", "{request}", "InfluxDB write requests by outcome");

    /// <summary>Duration of one InfluxDB write request (s), tagged <c>outcome</c>.</summary>
    internal static readonly Histogram<double> InfluxRequestDuration = Meter.CreateHistogram<double>(
        "influx.request.duration", "s", "Duration of InfluxDB write requests");
}
