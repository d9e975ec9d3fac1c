using CsCheck;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.Sequences;
using static Telemetry.Ingest.Tests.Sequences.TrackerHarness;

namespace Telemetry.Ingest.Tests.Sequences;

/// <summary>
/// The tracker against a reference model (a set of the frames each client made durable), on random streams that
/// mix unset sequences, restarts, wraps at 2^64 and at a narrow width, gaps, reused numbers, resends by the same and
/// by another client, batches that fail and batches still in flight when their copy arrives: a frame is dropped as a
/// duplicate only when the model holds the identical frame from the same client.
/// </summary>
public sealed class SequenceTrackerPropertyTests
{
    private static readonly string[] Clients = ["gateway-a", "gateway-b"];
    private static readonly string[] Sources = ["v1", "narrow"];

    private static readonly Gen<Step> Steps = Gen.Select(Gen.Int[0, 1], Gen.Int[0, 1], Gen.Int[0, 7], Gen.Int[1, 24], Gen.Int[0, 1000], Gen.Int[0, 2])
        .Select((client, source, kind, count, parameter, outcome) => new Step(client, source, (Kind)kind, count, parameter, (Outcome)outcome));

    [Fact]
    public void Admit_RandomStreams_NeverDropsAFrameTheModelDoesNotHold() =>
        Steps.Array[1, 80].Sample(Run, iter: 400);

    private static void Run(Step[] steps)
    {
        var harness = new TrackerHarness(new SequenceOptions
        {
            Window = 64,
            MaxSources = 3,
            Counters = [new SequenceCounterOptions { Sources = ["narrow"], Bits = 4 }],
        });
        var durable = new HashSet<(string Client, string Frame)>();
        var senders = new Dictionary<(int, int), (ulong Next, long Ns)>();
        var sent = new List<List<Frame>>();
        var held = new List<(string Client, Admitted Batch)>();
        foreach (var step in steps)
        {
            var client = Clients[step.Client];
            var frames = step.Kind == Kind.Resend && sent.Count > 0
                ? sent[step.Parameter % sent.Count]
                : NewFrames(step, senders, step.Kind == Kind.Reuse && sent.Count > 0 ? sent[^1] : null);
            sent.Add(frames);

            var admitted = harness.Admit(client, frames);

            for (var i = 0; i < frames.Count; i++)
            {
                if (admitted.Duplicate[i])
                {
                    Assert.True(durable.Contains((client, Key(admitted, i))),
                        $"frame {i} ({frames[i].Source} #{frames[i].Sequence} at {frames[i].TimestampNs}) of {client} dropped but never made durable by it");
                }
            }
            Assert.All(admitted.Events.Gaps, g => Assert.InRange(g.Missing, 1UL, ulong.MaxValue / 2));
            switch (step.Outcome)
            {
                case Outcome.Durable:
                    Commit(client, admitted, durable);
                    foreach (var (heldClient, batch) in held)
                    {
                        Commit(heldClient, batch, durable);
                    }
                    held.Clear();
                    break;
                case Outcome.InFlight:
                    held.Add((client, admitted));
                    break;
                case Outcome.Failed:
                    break;
            }
        }
    }

    private static void Commit(string client, Admitted admitted, HashSet<(string, string)> durable)
    {
        admitted.Commit();
        for (var i = 0; i < admitted.Duplicate.Length; i++)
        {
            durable.Add((client, Key(admitted, i)));
        }
    }

    private static string Key(Admitted admitted, int index) => Convert.ToHexString(admitted.Wire.FrameAt(index));

    private static List<Frame> NewFrames(Step step, Dictionary<(int, int), (ulong Next, long Ns)> senders, List<Frame>? previous)
    {
        var (next, ns) = senders.GetValueOrDefault((step.Client, step.Source), (1UL, 1_000L));
        var source = Sources[step.Source];
        switch (step.Kind)
        {
            case Kind.Gap: next += (ulong)(step.Parameter % 40) + 1; break;
            case Kind.Restart: next = (ulong)(step.Parameter % 5) + 1; break;
            case Kind.NearWrap: next = ulong.MaxValue - (ulong)(step.Parameter % 10); break;
        }
        List<Frame> frames;
        if (step.Kind == Kind.Reuse && previous is not null)
        {
            // The same numbers again with new samples (one packet count covering several samples, or a reused counter).
            frames = [.. previous.Select((f, i) => Frame(f.Source, f.Sequence, ns + i, step.Parameter))];
        }
        else
        {
            frames = [.. Enumerable.Range(0, step.Count).Select(i =>
                Frame(source, step.Kind == Kind.Unset ? 0 : unchecked(next + (ulong)i), ns + i, step.Parameter % 3))];
            if (step.Kind == Kind.Reorder && frames.Count > 1)
            {
                (frames[0], frames[^1]) = (frames[^1], frames[0]);
            }
            next = unchecked(next + (ulong)step.Count);
        }
        senders[(step.Client, step.Source)] = (next, ns + frames.Count);
        return frames;
    }

    private enum Kind { Continue, Gap, Restart, Unset, NearWrap, Resend, Reuse, Reorder }

    private enum Outcome { Durable, Failed, InFlight }

    private sealed record Step(int Client, int Source, Kind Kind, int Count, int Parameter, Outcome Outcome);
}
