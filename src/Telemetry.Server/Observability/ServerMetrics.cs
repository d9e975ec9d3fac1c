using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.Diagnostics;
using Telemetry.Ingest.Influx;
using Telemetry.Ingest.Sequences;
using Telemetry.Ingest.Spool;
using Telemetry.Ingest.Wire;
using Telemetry.Server.Observability.Internal;

namespace Telemetry.Server.Observability;

/// <summary>
/// The server's <c>System.Diagnostics.Metrics</c> instruments (meter <see cref="MeterName"/>), exported at
/// <c>/metrics</c>, and the recent history the status page shows. Per-source instruments carry a bounded
/// <c>source</c> label (<see cref="ObservabilityOptions.MaxSourceLabels"/>); every other tag has a fixed set of values.
/// Recording costs one counter update per run of frames of one source, never an allocation per frame.
/// </summary>
public sealed class ServerMetrics : IDisposable
{
    /// <summary>The meter's name, <c>Telemetry.Server</c>.</summary>
    public const string MeterName = "Telemetry.Server";

    private readonly Meter _meter;
    private readonly Counter<long> _framesReceived;
    private readonly Counter<long> _batchesReceived;
    private readonly Counter<long> _framesWritten;
    private readonly Counter<long> _framesRejected;
    private readonly Counter<long> _framesDuplicate;
    private readonly Counter<long> _acks;
    private readonly Histogram<double> _ackLatency;
    private readonly SourceLabels _labels;
    private readonly ConcurrentDictionary<string, long> _framesBySource = new(StringComparer.Ordinal);
    private readonly LatencyWindow _ackWindow = new(4096);
    private readonly LatencyWindow _influxWindow = new(1024);
    private readonly RecentList<RecentRejection> _rejections = new(20);
    private readonly MeterListener _influxListener = new();
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private long _framesTotal;
    private long _acksTotal;

    /// <summary>Creates the instruments; sink statistics are read from <paramref name="services"/> when observed.</summary>
    public ServerMetrics(IOptions<ObservabilityOptions> options, IServiceProvider services, TimeProvider time)
    {
        _services = services;
        _time = time;
        _labels = new SourceLabels(options.Value.MaxSourceLabels);
        _meter = new Meter(MeterName);
        _framesReceived = _meter.CreateCounter<long>("frames.received", "{frame}", "Frames received, by source");
        _batchesReceived = _meter.CreateCounter<long>("batches.received", "{batch}", "Batches received, by the source of their first frame");
        _framesWritten = _meter.CreateCounter<long>("frames.accepted", "{frame}", "Frames acknowledged as written (durability tag: spool or database)");
        _framesRejected = _meter.CreateCounter<long>("frames.rejected", "{frame}", "Frames rejected, by rejection code");
        _framesDuplicate = _meter.CreateCounter<long>("frames.duplicate", "{frame}", "Frames dropped as duplicates of a kept (source, sequence)");
        _acks = _meter.CreateCounter<long>("acks", "{ack}", "Batch acknowledgements sent, by accepted (true/false)");
        _ackLatency = _meter.CreateHistogram<double>(
            "ack.duration", "s", "Time from a batch's arrival to its acknowledgement");
        CreateObservables();
        _influxListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == IngestMeter.Name && instrument.Name == "influx.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _influxListener.SetMeasurementEventCallback<double>((_, value, _, _) => _influxWindow.Add(value));
        _influxListener.Start();
    }

    /// <summary>Frames received since start.</summary>
    public long FramesTotal => Interlocked.Read(ref _framesTotal);

    /// <summary>The current timestamp of the metrics clock, to pass to <see cref="ObserveAsync"/> as a batch's arrival.</summary>
    public long Timestamp() => _time.GetTimestamp();

    /// <summary>Counts a batch that entered the pipeline, per source (runs of frames of one source are counted at once).</summary>
    public void BatchReceived(WireBatch batch)
    {
        var count = batch.Count;
        if (count == 0)
        {
            return;
        }

        Interlocked.Add(ref _framesTotal, count);
        _batchesReceived.Add(1, new KeyValuePair<string, object?>("source", _labels.Of(batch.SourceOf(0))));
        var runStart = 0;
        for (var i = 1; i <= count; i++)
        {
            if (i == count || !string.Equals(batch.SourceOf(i), batch.SourceOf(runStart), StringComparison.Ordinal))
            {
                var label = _labels.Of(batch.SourceOf(runStart));
                _framesReceived.Add(i - runStart, new KeyValuePair<string, object?>("source", label));
                _framesBySource.AddOrUpdate(label, static (_, add) => add, static (_, total, add) => total + add, (long)(i - runStart));
                runStart = i;
            }
        }
    }

    /// <summary>Waits for a batch's ack and records it: latency from <paramref name="started"/>, written, rejected and duplicate frames.</summary>
    public async Task<BatchAck> ObserveAsync(WireBatch batch, Task<BatchAck> pending, long started)
    {
        var ack = await pending.ConfigureAwait(false);
        var seconds = _time.GetElapsedTime(started).TotalSeconds;
        _ackLatency.Record(seconds);
        _ackWindow.Add(seconds);
        Interlocked.Increment(ref _acksTotal);
        _acks.Add(1, new KeyValuePair<string, object?>("accepted", ack.Accepted ? "true" : "false"));
        if (ack.WrittenCount > 0)
        {
            _framesWritten.Add(ack.WrittenCount, new KeyValuePair<string, object?>("durability", DurabilityTag(ack.Durability)));
        }

        if (ack.DuplicateCount > 0)
        {
            _framesDuplicate.Add(ack.DuplicateCount);
        }

        foreach (var rejection in ack.Rejections)
        {
            _framesRejected.Add(1, new KeyValuePair<string, object?>("code", rejection.Code.ToString()));
            var source = rejection.Index < batch.Count ? batch.SourceOf((int)rejection.Index) : "";
            _rejections.Add(new RecentRejection(_time.GetUtcNow(), source, batch.BatchId, rejection.Index, rejection.Code.ToString(), rejection.Reason));
        }

        return ack;
    }

    /// <summary>A snapshot for the status page and <c>/status.json</c>.</summary>
    public StatusSnapshot Snapshot()
    {
        var ack = _ackWindow.Percentiles(50, 99, 99.9);
        var influxLatency = _influxWindow.Percentiles(50, 99);
        var influx = _services.GetService<InfluxSink>()?.Stats;
        var spool = _services.GetService<SpoolSink>()?.Stats;
        var sequences = _services.GetService<SequenceTracker>();
        return new StatusSnapshot
        {
            Time = _time.GetUtcNow(),
            FramesTotal = FramesTotal,
            AcksTotal = Interlocked.Read(ref _acksTotal),
            FramesBySource = new SortedDictionary<string, long>(_framesBySource, StringComparer.Ordinal),
            AckP50Ms = ack[0] * 1000,
            AckP99Ms = ack[1] * 1000,
            AckP999Ms = ack[2] * 1000,
            Influx = influx is { } i
                ? new InfluxStatus(
                    Up: i.PausedReason is null && i.FailingFor is null,
                    Problem: i.PausedReason ?? (i.FailingFor is null ? null : i.LastFailure),
                    FailingForS: i.FailingFor?.TotalSeconds,
                    WrittenLines: i.WrittenLines,
                    PendingBytes: i.PendingBytes,
                    Requests: i.Requests,
                    Retries: i.Retries,
                    DeadLetters: i.DeadLetters,
                    DeadLetterFault: i.DeadLetterFault,
                    WriteP50Ms: influxLatency[0] * 1000,
                    WriteP99Ms: influxLatency[1] * 1000)
                : null,
            Spool = spool is { } s
                ? new SpoolStatus(s.Bytes, s.MaxBytes, s.Segments, s.OldestUnconfirmedAge?.TotalSeconds, s.RefusedFullBatches, s.DeadLetteredLines, s.ForwarderFault,
                    s.WriterFault, s.RefusedFaultBatches)
                : null,
            RecentRejections = _rejections.Snapshot(),
            RecentGaps = sequences is { Enabled: true }
                ? [.. sequences.RecentGaps.Select(g => new RecentGap(g.Source, g.FirstMissing, g.LastMissing, g.Missing, g.TimestampNs))]
                : [],
            RecentResets = sequences is { Enabled: true }
                ? [.. sequences.RecentResets.Select(r => new RecentReset(r.Source, r.From, r.To, r.TimestampNs))]
                : [],
            Gaps = sequences?.Stats.Gaps ?? 0,
            Resets = sequences?.Stats.Resets ?? 0,
            Duplicates = sequences?.Stats.Duplicates ?? 0,
        };
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _influxListener.Dispose();
        _meter.Dispose();
    }

    private static string DurabilityTag(AckDurability durability) => durability switch
    {
        AckDurability.Spool => "spool",
        AckDurability.Database => "database",
        AckDurability.None => "none",
        _ => "unspecified",
    };

    private void CreateObservables()
    {
        InfluxSinkStats? Influx() => _services.GetService<InfluxSink>()?.Stats;
        SpoolStats? Spool() => _services.GetService<SpoolSink>()?.Stats;
        SequenceStats? Sequences() => _services.GetService<SequenceTracker>() is { Enabled: true } t ? t.Stats : null;
        IEnumerable<Measurement<long>> One(long? value) => value is { } v ? [new Measurement<long>(v)] : [];
        IEnumerable<Measurement<double>> OneD(double? value) => value is { } v ? [new Measurement<double>(v)] : [];

        _meter.CreateObservableUpDownCounter("influx.pending", () => One(Influx()?.PendingBytes), "By", "Line-protocol bytes waiting for InfluxDB");
        _meter.CreateObservableCounter("influx.lines.written", () => One(Influx()?.WrittenLines), "{line}", "Lines InfluxDB stored");
        _meter.CreateObservableCounter("influx.lines.dropped", () => One(Influx()?.DroppedLines), "{line}", "Lines InfluxDB refused");
        _meter.CreateObservableCounter("influx.retries", () => One(Influx()?.Retries), "{retry}", "Write retries after transient failures");
        _meter.CreateObservableUpDownCounter("influx.paused", () => One(Influx() is { } i ? (i.PausedReason is null ? 0 : 1) : null), "{state}", "1 while writing is paused (401/403/404)");
        _meter.CreateObservableGauge("influx.failing", () => OneD(Influx() is { } i ? i.FailingFor?.TotalSeconds ?? 0 : null), "s", "How long InfluxDB has not answered: failing writes, or a request waiting past Influx:NotAnsweringAfter (0 while it answers)");
        _meter.CreateObservableCounter("dead_letters", () => One(Influx()?.DeadLetters), "{line}", "Lines written to the dead-letter file");
        _meter.CreateObservableCounter("dead_letters.lost", () => One(Influx()?.DeadLettersLost), "{line}", "Dead letters not written because the sink stopped while the file failed (their records stay spooled)");
        _meter.CreateObservableUpDownCounter("dead_letters.failing", () => One(Influx() is { } i ? (i.DeadLetterFault is null ? 0 : 1) : null), "{state}", "1 while the dead-letter file cannot be written (forwarding waits)");
        _meter.CreateObservableUpDownCounter("spool.size", () => One(Spool()?.Bytes), "By", "Bytes of spool segments on disk");
        _meter.CreateObservableUpDownCounter("spool.limit", () => One(Spool()?.MaxBytes), "By", "The spool quota, Spool:MaxBytes");
        _meter.CreateObservableUpDownCounter("spool.segments", () => One(Spool()?.Segments), "{segment}", "Spool segment files on disk");
        _meter.CreateObservableGauge("spool.age", () => OneD(Spool() is { } s ? s.OldestUnconfirmedAge?.TotalSeconds ?? 0 : null), "s", "Age of the oldest acknowledged record InfluxDB has not confirmed");
        _meter.CreateObservableCounter("spool.refused", () => One(Spool()?.RefusedFullBatches), "{batch}", "Batches refused because the spool was full");
        _meter.CreateObservableUpDownCounter("spool.forwarder_failed", () => One(Spool() is { } s ? (s.ForwarderFault is null ? 0 : 1) : null), "{state}", "1 when forwarding stopped for good or is retrying a batch the InfluxDB writer failed");
        _meter.CreateObservableUpDownCounter("spool.writer_failed", () => One(Spool() is { } s ? (s.WriterFault is null ? 0 : 1) : null), "{state}", "1 while the spool cannot write to its folder (batches refused with UNAVAILABLE)");
        _meter.CreateObservableCounter("spool.refused_fault", () => One(Spool()?.RefusedFaultBatches), "{batch}", "Batches refused because the spool could not write to its folder");
        _meter.CreateObservableUpDownCounter("spool.abandoned", () => One(Spool()?.AbandonedBytes), "By", "Bytes of failed commits that could not be cut off their segment");
        _meter.CreateObservableCounter("sequence.gaps", () => One(Sequences()?.Gaps), "{gap}", "Sequence gaps found (each also a telemetry_gaps point)");
        _meter.CreateObservableCounter("sequence.missing", () => One(Sequences()?.MissingFrames), "{frame}", "Frames missing in those gaps");
        _meter.CreateObservableCounter("sequence.resets", () => One(Sequences()?.Resets), "{reset}", "Sender restarts found (each also a telemetry_gaps point)");
        _meter.CreateObservableCounter("sequence.late", () => One(Sequences()?.LateFrames), "{frame}", "Frames kept that arrived behind their source's highest sequence");
        _meter.CreateObservableUpDownCounter("sequence.sources", () => One(Sequences()?.Sources), "{source}", "Sources tracked for duplicates and gaps");
        _meter.CreateObservableUpDownCounter<long>("process.memory", () => Environment.WorkingSet, "By", "Resident memory of the server process");
    }
}
