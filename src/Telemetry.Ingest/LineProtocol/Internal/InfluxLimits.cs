namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>Limits of InfluxDB 1.x that a line must respect (measured against influxd 1.6.7).</summary>
internal static class InfluxLimits
{
    /// <summary>Earliest timestamp InfluxDB accepts: 1677-09-21T00:12:43.145224194Z.</summary>
    public const long MinTimestampNs = long.MinValue + 2;

    /// <summary>Latest timestamp InfluxDB accepts: 2262-04-11T23:47:16.854775806Z.</summary>
    public const long MaxTimestampNs = long.MaxValue - 1;

    /// <summary>
    /// InfluxDB refuses a point when its series key (escaped measurement and tags), 4 separator bytes and a field
    /// key together exceed this many bytes.
    /// </summary>
    public const int MaxSeriesFieldKeyBytes = 65_535;

    /// <summary>The separator InfluxDB puts between a series key and a field key.</summary>
    public const int SeriesFieldSeparatorBytes = 4;
}
