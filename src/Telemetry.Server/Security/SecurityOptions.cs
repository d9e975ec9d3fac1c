namespace Telemetry.Server.Security;

/// <summary>
/// Who may call the server, bound from the configuration section <c>Security</c> and validated at start
/// (see docs/security.md).
/// </summary>
public sealed class SecurityOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Security";

    /// <summary>
    /// Lets calls without credentials write anything. Default false; the shipped appsettings.json turns it on for its
    /// loopback-only endpoint. Refused at start when any endpoint listens beyond loopback.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>
    /// API keys by client name: each a salted hash (printed by <c>Telemetry.Server keygen</c>), its scopes and an
    /// optional expiry. Clients send the key as <c>authorization: Bearer tlm_...</c> metadata. Default none.
    /// </summary>
    public Dictionary<string, ApiKeyOptions> ApiKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Client certificates (mTLS) by client name: the SHA-256 thumbprint of each, its scopes and an optional expiry.
    /// Needs an https endpoint with <c>ClientCertificateMode</c> <c>AllowCertificate</c> or <c>RequireCertificate</c>.
    /// Default none.
    /// </summary>
    public Dictionary<string, ClientCertificateOptions> ClientCertificates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Serve gRPC reflection (lists the services and their schemas to authorised callers). Default false.</summary>
    public bool EnableReflection { get; set; }
}

/// <summary>What one client may write: source and measurement patterns, and until when.</summary>
public class ClientScopeOptions
{
    /// <summary>
    /// Patterns of the frame sources this client may write: exact names, or globs with <c>*</c> (any run of
    /// characters) and <c>?</c> (one character), e.g. <c>resilience/*</c>. Default <c>*</c> (every source).
    /// </summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>Patterns of the measurements this client may write, as <see cref="Sources"/>. Default <c>*</c>.</summary>
    public List<string> Measurements { get; set; } = [];

    /// <summary>When the credential stops working (UTC); none by default.</summary>
    public DateTimeOffset? ExpiresUtc { get; set; }
}

/// <summary>One API key: its salted hash and scopes.</summary>
public sealed class ApiKeyOptions : ClientScopeOptions
{
    /// <summary>The key's salted hash as printed by <c>keygen</c> (<c>tlm1$id$salt$sha256</c>); never the key itself.</summary>
    public string Hash { get; set; } = string.Empty;
}

/// <summary>One client certificate: its thumbprint and scopes.</summary>
public sealed class ClientCertificateOptions : ClientScopeOptions
{
    /// <summary>SHA-256 thumbprint of the certificate, hexadecimal (colons and case ignored).</summary>
    public string Thumbprint { get; set; } = string.Empty;
}
