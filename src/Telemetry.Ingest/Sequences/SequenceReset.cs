namespace Telemetry.Ingest.Sequences;

/// <summary>A sender that started its sequence again (a reboot, a second run): a new frame far behind the last.</summary>
/// <param name="Source">The frame's source.</param>
/// <param name="From">The source's highest sequence number before the restart.</param>
/// <param name="To">The sequence number the source restarted at.</param>
/// <param name="TimestampNs">Timestamp of the frame that revealed the restart (ns since the Unix epoch).</param>
public readonly record struct SequenceReset(string Source, ulong From, ulong To, long TimestampNs);
