using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;

namespace Telemetry.Client;

/// <summary>
/// Where and how a tool reaches the ingest server: the address, a private CA to trust for <c>https://</c>, a client
/// certificate for mutual TLS, and the API key. Every shipped C# tool builds its channel here, so TLS and keys work
/// the same everywhere.
/// </summary>
public sealed record IngestConnection
{
    /// <summary>The name of the environment variable an API key is read from when none is given: <c>TELEMETRY_API_KEY</c>.</summary>
    public const string ApiKeyVariable = "TELEMETRY_API_KEY";

    /// <summary>The server, <c>http://</c> (cleartext HTTP/2) or <c>https://</c>. Required.</summary>
    public required Uri Url { get; init; }

    /// <summary>
    /// PEM file of the certificate authority (or self-signed server certificate) to trust for <c>https://</c>; the
    /// server's chain must end in one of its certificates, and its name must match the URL's host. Default: none
    /// (the system's trusted roots).
    /// </summary>
    public string? TlsCaFile { get; init; }

    /// <summary>PEM certificate presented to the server (mutual TLS); needs <see cref="ClientKeyFile"/>. Default: none.</summary>
    public string? ClientCertificateFile { get; init; }

    /// <summary>PEM private key of <see cref="ClientCertificateFile"/>. Default: none.</summary>
    public string? ClientKeyFile { get; init; }

    /// <summary>API key sent as <c>authorization: Bearer KEY</c>. Default: <c>$TELEMETRY_API_KEY</c>, else none.</summary>
    public string? ApiKey { get; init; } = Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } key ? key : null;

    /// <summary>Call metadata carrying <see cref="ApiKey"/>, or null without one.</summary>
    public Metadata? Headers => ApiKey is { } key ? new Metadata { { "authorization", "Bearer " + key } } : null;

    /// <summary>Why these settings cannot work (one line each), or an empty list.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Url.Scheme is not ("http" or "https"))
        {
            problems.Add($"--url must be http:// or https:// (got {Url})");
        }
        if ((TlsCaFile ?? ClientCertificateFile) is not null && Url.Scheme != "https")
        {
            problems.Add("--tls-ca and --client-cert need an https:// --url");
        }
        if ((ClientCertificateFile is null) != (ClientKeyFile is null))
        {
            problems.Add("--client-cert and --client-key go together");
        }
        foreach (var file in new[] { TlsCaFile, ClientCertificateFile, ClientKeyFile })
        {
            if (file is not null && !File.Exists(file))
            {
                problems.Add($"no such file: {file}");
            }
        }
        return problems;
    }

    /// <summary>A channel to <see cref="Url"/> with this TLS configuration; <paramref name="options"/> are kept (its handler is replaced).</summary>
    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null)
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (TlsCaFile is { } caFile)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(caFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                certificate is not null && IsTrusted(new X509Certificate2(certificate), roots, errors);
        }
        if (ClientCertificateFile is { } certificateFile)
        {
            // Re-exported so that the key is usable for TLS client authentication on every platform.
            using var pem = X509Certificate2.CreateFromPemFile(certificateFile, ClientKeyFile);
            handler.SslOptions.ClientCertificates = [X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null)];
        }
        options ??= new GrpcChannelOptions();
        options.HttpHandler = handler;
        return GrpcChannel.ForAddress(Url, options);
    }

    private static bool IsTrusted(X509Certificate2 certificate, X509Certificate2Collection roots, SslPolicyErrors errors)
    {
        // The name must match whatever the chain says; the chain is judged against the given roots only.
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
