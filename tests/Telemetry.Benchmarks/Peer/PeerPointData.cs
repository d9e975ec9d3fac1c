using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;
using Telemetry.Contracts.V1;

namespace Telemetry.Benchmarks.Peer;

/// <summary>The official client's <see cref="PointData"/> for a frame, built the way its users build one.</summary>
internal static class PeerPointData
{
    public static PointData FromFrame(Frame frame)
    {
        var point = PointData.Measurement(frame.Measurement);
        foreach (var tag in frame.Tags)
        {
            point = point.Tag(tag.Key, tag.Value);
        }
        point = point.Tag("source", frame.Source);
        foreach (var field in frame.Fields)
        {
            point = point.Field(field.Key, field.DoubleValue);
        }
        return point.Timestamp(frame.TimestampNs, WritePrecision.Ns);
    }
}
