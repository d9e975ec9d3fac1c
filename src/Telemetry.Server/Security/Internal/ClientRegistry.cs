using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Telemetry.Server.Security.Internal;

/// <summary>
/// The configured clients (API keys by id, certificates by thumbprint) with their compiled scopes. Built once from
/// validated <see cref="SecurityOptions"/>; thread-safe.
/// </summary>
internal sealed class ClientRegistry
{
    public const string ApiKeyType = "ApiKey";
    public const string CertificateType = "Certificate";
    public const string AnonymousType = "Anonymous";

    private static readonly byte[] UnknownSalt = new byte[16];
    private static readonly byte[] UnknownDigest = new byte[32];

    private readonly Dictionary<string, KeyEntry> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> _certificates = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), ClientScope> _scopes = [];

    public ClientRegistry(IOptions<SecurityOptions> options)
    {
        var o = options.Value;
        AllowAnonymous = o.AllowAnonymous;
        foreach (var (name, key) in o.ApiKeys)
        {
            if (ApiKeyHash.TryParseHash(key.Hash, out var id, out var salt, out var digest))
            {
                var scope = new ClientScope(name, key.Sources, key.Measurements);
                _keys[id] = new KeyEntry(new Entry(name, scope, key.ExpiresUtc), salt, digest);
                _scopes[(ApiKeyType, name)] = scope;
            }
        }
        foreach (var (name, certificate) in o.ClientCertificates)
        {
            var scope = new ClientScope(name, certificate.Sources, certificate.Measurements);
            _certificates[NormalizeThumbprint(certificate.Thumbprint)] = new Entry(name, scope, certificate.ExpiresUtc);
            _scopes[(CertificateType, name)] = scope;
        }
    }

    public bool AllowAnonymous { get; }

    public bool HasCertificates => _certificates.Count > 0;

    /// <summary>Uppercase hexadecimal without separators.</summary>
    public static string NormalizeThumbprint(string thumbprint) =>
        thumbprint.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    public bool TryFindKey(string id, string secret, out Entry entry)
    {
        // An unknown id costs the same hash as a known one, so timing does not tell which ids exist.
        var found = _keys.TryGetValue(id, out var key);
        var verified = ApiKeyHash.Verify(secret, key?.Salt ?? UnknownSalt, key?.Digest ?? UnknownDigest);
        entry = found && verified ? key!.Entry : default;
        return found && verified;
    }

    public bool TryFindCertificate(string sha256Thumbprint, out Entry entry) =>
        _certificates.TryGetValue(NormalizeThumbprint(sha256Thumbprint), out entry);

    /// <summary>The scope of an authenticated caller; null when the principal is not one of ours.</summary>
    public ClientScope? ScopeOf(ClaimsPrincipal user)
    {
        foreach (var identity in user.Identities)
        {
            if (!identity.IsAuthenticated || identity.AuthenticationType is not { } type)
            {
                continue;
            }
            if (type == AnonymousType)
            {
                return ClientScope.Anonymous;
            }
            if (identity.Name is { } name && _scopes.TryGetValue((type, name), out var scope))
            {
                return scope;
            }
        }
        return null;
    }

    public static ClaimsPrincipal Principal(string name, string type) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], type));

    public readonly record struct Entry(string Name, ClientScope Scope, DateTimeOffset? ExpiresUtc);

    private sealed record KeyEntry(Entry Entry, byte[] Salt, byte[] Digest);
}
