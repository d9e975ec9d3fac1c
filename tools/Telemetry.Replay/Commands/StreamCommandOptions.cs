using System.CommandLine;
using System.Globalization;
using Telemetry.Replay.Streaming;

namespace Telemetry.Replay.Commands;

/// <summary><c>--stream-to</c>, <c>--realtime</c>, <c>--epoch</c> and <c>--api-key</c> of <c>run</c>, parsed and validated.</summary>
internal sealed record StreamCommandOptions(Option<string?> StreamTo, Option<bool> Realtime, Option<string?> Epoch, Option<string?> ApiKey)
{
    public static StreamCommandOptions Create() => new(
        new Option<string?>("--stream-to")
        {
            Description = "Also send the trajectory as telemetry frames to this ingest server (gRPC), e.g. http://127.0.0.1:50051.",
            HelpName = "url",
        },
        new Option<bool>("--realtime")
        {
            Description = "With --stream-to: send each frame when its simulation time comes. Default: as fast as possible.",
        },
        new Option<string?>("--epoch")
        {
            Description = "With --stream-to: UTC time of simulation time zero (ISO 8601). Default: 2025-06-05T18:00:00Z.",
            HelpName = "time",
        },
        new Option<string?>("--api-key")
        {
            Description = "With --stream-to: API key sent as 'authorization: Bearer KEY'. Default: $TELEMETRY_API_KEY, or none (anonymous loopback writes).",
            HelpName = "key",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TELEMETRY_API_KEY"),
        });

    public StreamRequest? Read(ParseResult parse)
    {
        var url = parse.GetValue(StreamTo);
        if (url is null)
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"--stream-to: '{url}' is not an http:// or https:// URL.");
        }

        var epoch = StreamOptions.DefaultEpoch;
        var epochText = parse.GetValue(Epoch);
        if (epochText is not null && !DateTimeOffset.TryParse(
                epochText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out epoch))
        {
            throw new UsageException($"--epoch: '{epochText}' is not a date and time, e.g. 2025-06-05T18:00:00Z.");
        }

        return new StreamRequest(target, new StreamOptions { Realtime = parse.GetValue(Realtime), Epoch = epoch, ApiKey = parse.GetValue(ApiKey) });
    }
}
