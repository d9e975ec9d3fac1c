using Microsoft.Extensions.Options;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.Sequences;
using Telemetry.Ingest.Wire;

namespace Telemetry.Ingest.Tests.Sequences;

/// <summary>Drives a <see cref="SequenceTracker"/> as the pipeline does: admit a batch, then commit it once durable.</summary>
internal sealed class TrackerHarness(SequenceOptions options)
{
    public SequenceTracker Tracker { get; } = new(Options.Create(options));

    public static TrackerHarness Create(int window = 128, int maxSources = 100, params SequenceCounterOptions[] counters) =>
        new(new SequenceOptions { Window = window, MaxSources = maxSources, Counters = [.. counters] });

    /// <summary>Admits and (unless <paramref name="commit"/> is false) commits <paramref name="frames"/>.</summary>
    public Admitted Send(string client, IReadOnlyList<Frame> frames, bool commit = true)
    {
        var admitted = Admit(client, frames);
        if (commit)
        {
            admitted.Commit();
        }
        return admitted;
    }

    /// <summary>Admits <paramref name="frames"/> without committing them (a batch in flight).</summary>
    public Admitted Admit(string client, IReadOnlyList<Frame> frames)
    {
        var batch = new FrameBatch();
        batch.Frames.AddRange(frames);
        var wire = WireBatch.From(batch);
        var fingerprints = new ulong[frames.Count];
        var duplicate = new bool[frames.Count];
        SequenceEvents? events = null;
        var duplicates = Tracker.Admit(wire, client, fingerprints, duplicate, ref events);
        return new Admitted(this, client, wire, fingerprints, duplicate, duplicates, events ?? new SequenceEvents());
    }

    public static List<Frame> Frames(string source, ulong firstSequence, int count, long firstNs = 1_000, double value = 1.0) =>
        [.. Enumerable.Range(0, count).Select(i => Frame(source, firstSequence + (ulong)i, firstNs + i, value))];

    public static Frame Frame(string source, ulong sequence, long timestampNs, double value = 1.0) => new()
    {
        Source = source,
        Sequence = sequence,
        TimestampNs = timestampNs,
        Measurement = "m",
        Fields = { new Field { Key = "v", DoubleValue = value } },
    };

    /// <summary>One admitted batch: its duplicate flags, events, and a commit of every non-duplicate frame.</summary>
    internal sealed class Admitted(
        TrackerHarness harness, string client, WireBatch wire, ulong[] fingerprints, bool[] duplicate, int duplicates, SequenceEvents events)
    {
        public WireBatch Wire => wire;

        public bool[] Duplicate => duplicate;

        public int Duplicates => duplicates;

        public SequenceEvents Events => events;

        public void Commit()
        {
            var kept = Enumerable.Range(0, duplicate.Length).Where(i => !duplicate[i]).ToArray();
            harness.Tracker.Commit(wire, client, fingerprints, kept);
        }
    }
}
