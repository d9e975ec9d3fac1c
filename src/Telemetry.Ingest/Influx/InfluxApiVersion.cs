namespace Telemetry.Ingest.Influx;

/// <summary>Which InfluxDB write API the sink speaks.</summary>
public enum InfluxApiVersion
{
    /// <summary>InfluxDB 1.x: <c>/write?db=&amp;rp=&amp;precision=ns</c>, optional basic-auth credentials.</summary>
    V1,

    /// <summary>InfluxDB 2.x and 3.x: <c>/api/v2/write?org=&amp;bucket=&amp;precision=ns</c>, <c>Authorization: Token</c>.</summary>
    V2,
}
