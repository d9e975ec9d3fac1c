using Telemetry.Client;

namespace Telemetry.LoadGen;

/// <summary>What one load run sends.</summary>
internal sealed record LoadOptions
{
    /// <summary>Server address (HTTP/2 cleartext). Default http://127.0.0.1:50051.</summary>
    public required Uri Url { get; init; }

    /// <summary>Frames to send in total. Default 1,000,000.</summary>
    public required long Frames { get; init; }

    /// <summary>Frames per batch. Default 500.</summary>
    public required int BatchSize { get; init; }

    /// <summary>Concurrent gRPC streams (each its own source). Default 4.</summary>
    public required int Streams { get; init; }

    /// <summary>Unacknowledged batches each stream keeps in flight. Default 16.</summary>
    public required int InFlight { get; init; }

    /// <summary>Double fields per frame. Default 8.</summary>
    public required int Fields { get; init; }

    /// <summary>Target send rate over all streams in frames/s; 0 sends as fast as acks allow. Default 0.</summary>
    public required double Rate { get; init; }

    /// <summary>Time limit of the run in seconds, preparation included; then sending stops and acks in flight get <see cref="LoadRunner.AckGraceSeconds"/> more. Default 120.</summary>
    public required double MaxSeconds { get; init; }

    /// <summary>Measurement name written. Default "loadgen".</summary>
    public required string Measurement { get; init; }

    /// <summary>Source prefix; stream i uses "{prefix}/{i}". Default "loadgen".</summary>
    public required string SourcePrefix { get; init; }

    /// <summary>Serialize every batch before the clock starts, so the client's CPU goes to the wire only. Default false.</summary>
    public bool Prepare { get; init; }

    /// <summary>API key sent with every call as a bearer token; none by default.</summary>
    public string? ApiKey { get; init; }

    /// <summary>PEM file of the CA to trust for an https:// <see cref="Url"/>; none by default (the system's roots).</summary>
    public string? TlsCaFile { get; init; }

    /// <summary>PEM client certificate for mutual TLS; none by default.</summary>
    public string? ClientCertificateFile { get; init; }

    /// <summary>PEM private key of <see cref="ClientCertificateFile"/>; none by default.</summary>
    public string? ClientKeyFile { get; init; }

    /// <summary>How to reach the server: address, TLS and key, as every tool builds its channel.</summary>
    public IngestConnection Connection => new()
    {
        Url = Url, TlsCaFile = TlsCaFile, ClientCertificateFile = ClientCertificateFile, ClientKeyFile = ClientKeyFile, ApiKey = ApiKey,
    };

    /// <summary>First frame timestamp in ns since the epoch; frames are 1 µs apart per source.</summary>
    public required long StartNs { get; init; }
}
