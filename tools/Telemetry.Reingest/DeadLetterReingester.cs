using System.Text.Json;
using Grpc.Core;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol;

namespace Telemetry.Reingest;

/// <summary>
/// Sends the lines of a dead-letter file back through the ingest server: each line is read back into the frame it
/// came from and sent in untracked batches (they were sequence-tracked when they first arrived). Lines the server
/// or InfluxDB refuse again, and lines that do not parse, go to <c>FILE.refused.jsonl</c> with the new reason.
/// </summary>
public sealed class DeadLetterReingester(IngestService.IngestServiceClient client, int batchSize, Metadata? headers = null)
{
    /// <summary>Re-ingests <paramref name="path"/>; <paramref name="progress"/> gets a line per batch.</summary>
    public async Task<ReingestResult> RunAsync(string path, TextWriter progress, CancellationToken ct)
    {
        var refusedPath = path + ".refused.jsonl";
        var letters = File.ReadLines(path).Select((text, index) => (Text: text, Line: index + 1)).Where(l => l.Text.Length > 0)
            .Select(l => Parse(path, l.Text, l.Line)).ToList();
        await using var refused = new StreamWriter(refusedPath, append: false);
        long written = 0, refusedCount = 0;
        ulong batchId = 0;
        foreach (var chunk in letters.Chunk(batchSize))
        {
            var batch = new FrameBatch { BatchId = ++batchId, Untracked = true };
            var sent = new List<JsonDocument>();
            foreach (var letter in chunk)
            {
                var line = letter.RootElement.GetProperty("line").GetString() ?? "";
                if (LineProtocolReader.TryParse(line, out var parsed, out var error))
                {
                    batch.Frames.Add(parsed.ToFrame(sequence: 0));
                    sent.Add(letter);
                }
                else
                {
                    await WriteRefusedAsync(refused, letter, error!);
                    refusedCount++;
                }
            }
            if (batch.Frames.Count == 0)
            {
                continue;
            }
            var ack = await client.WriteAsync(batch, headers, cancellationToken: ct);
            if (!ack.Accepted)
            {
                foreach (var letter in sent)
                {
                    await WriteRefusedAsync(refused, letter, ack.Error);
                }
                refusedCount += sent.Count;
                continue;
            }
            foreach (var rejection in ack.Rejections)
            {
                await WriteRefusedAsync(refused, sent[(int)rejection.Index], $"{rejection.Code}: {rejection.Reason}");
            }
            refusedCount += ack.Rejections.Count;
            written += ack.WrittenCount;
            await progress.WriteLineAsync($"batch {batchId}: {ack.WrittenCount} written ({ack.Durability}), {ack.DuplicateCount} already stored, {ack.Rejections.Count} refused");
        }
        return new ReingestResult(letters.Count, written, refusedCount, refusedCount > 0 ? refusedPath : null);
    }

    /// <summary>One dead letter; a line that is not JSON is named by its number, the file left as it is.</summary>
    private static JsonDocument Parse(string path, string text, int line)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}:{line}: not a dead-letter entry (JSON: {e.Message}); fix or remove that line and run again", e);
        }
    }

    private static async Task WriteRefusedAsync(StreamWriter refused, JsonDocument letter, string reason)
    {
        var entry = new Dictionary<string, object?>
        {
            ["reingestReason"] = reason,
            ["original"] = letter.RootElement,
        };
        await refused.WriteLineAsync(JsonSerializer.Serialize(entry));
    }
}

/// <summary>What a re-ingest did.</summary>
/// <param name="Letters">Dead letters read.</param>
/// <param name="Written">Frames the server accepted (durable as its acks said).</param>
/// <param name="Refused">Letters refused again or unparsable.</param>
/// <param name="RefusedPath">Where those went, or null when none did.</param>
public sealed record ReingestResult(long Letters, long Written, long Refused, string? RefusedPath);
