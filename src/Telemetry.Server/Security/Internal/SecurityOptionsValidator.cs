using Microsoft.Extensions.Options;

namespace Telemetry.Server.Security.Internal;

/// <summary>
/// Validates <see cref="SecurityOptions"/> at start: every key hash and thumbprint well formed, and no endpoint
/// beyond loopback unless it has TLS, at least one credential is configured and anonymous writing is off.
/// </summary>
internal sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    private readonly IConfiguration _configuration;

    public SecurityOptionsValidator(IConfiguration configuration)
    {
        _configuration = configuration;
    }

    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var errors = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (client, key) in options.ApiKeys)
        {
            if (!ApiKeyHash.TryParseHash(key.Hash, out var id, out _, out _))
            {
                errors.Add($"Security:ApiKeys:{client}:Hash is not a key hash printed by 'Telemetry.Server keygen' (tlm1$id$salt$sha256)");
            }
            else if (!ids.Add(id))
            {
                errors.Add($"Security:ApiKeys:{client}:Hash has the same key id as another key");
            }
            CheckPatterns(errors, $"Security:ApiKeys:{client}", key);
        }
        foreach (var (client, certificate) in options.ClientCertificates)
        {
            var thumbprint = ClientRegistry.NormalizeThumbprint(certificate.Thumbprint);
            if (thumbprint.Length != 64 || !thumbprint.All(char.IsAsciiHexDigit))
            {
                errors.Add($"Security:ClientCertificates:{client}:Thumbprint must be a SHA-256 thumbprint (64 hex digits)");
            }
            CheckPatterns(errors, $"Security:ClientCertificates:{client}", certificate);
        }
        foreach (var (setting, url) in ListenEndpoints.From(_configuration))
        {
            if (!ListenEndpoints.HasHttpScheme(url))
            {
                // Checked here so that the reason is not a misleading "beyond loopback" or Kestrel's own crash.
                errors.Add(string.IsNullOrWhiteSpace(url)
                    ? $"{setting} is empty: give the listener an http:// or https:// address (e.g. http://127.0.0.1:9091), or remove the setting to use the default"
                    : $"{setting} = {url} is not an http:// or https:// address");
                continue;
            }
            if (ListenEndpoints.IsLoopback(url))
            {
                continue;
            }
            var where = $"{setting} = {url} listens beyond loopback";
            if (!ListenEndpoints.IsHttps(url))
            {
                errors.Add($"{where} without TLS: use an https:// URL with a certificate (Kestrel:Endpoints:<name>:Certificate)");
            }
            if (options.AllowAnonymous)
            {
                errors.Add($"{where}: Security:AllowAnonymous must be false there");
            }
            if (options.ApiKeys.Count == 0 && options.ClientCertificates.Count == 0)
            {
                errors.Add($"{where} but no credentials are configured: add Security:ApiKeys (see 'Telemetry.Server keygen') or Security:ClientCertificates");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckPatterns(List<string> errors, string prefix, ClientScopeOptions scope)
    {
        if (prefix.EndsWith(":" + ClientRegistry.AnonymousType, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{prefix}: the client name '{ClientRegistry.AnonymousType}' is reserved for callers without credentials");
        }
        foreach (var (list, setting) in new[] { (scope.Sources, "Sources"), (scope.Measurements, "Measurements") })
        {
            if (list.Any(string.IsNullOrEmpty))
            {
                errors.Add($"{prefix}:{setting} has an empty pattern");
            }
        }
    }
}
