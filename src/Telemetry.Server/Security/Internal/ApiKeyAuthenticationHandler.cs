using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Telemetry.Server.Security.Internal;

/// <summary>
/// Authenticates <c>authorization: Bearer tlm_...</c> metadata against the configured key hashes; a call without
/// credentials is the anonymous client when <see cref="SecurityOptions.AllowAnonymous"/> is on, it presents no
/// client certificate and it did not come through a proxy (no <c>Forwarded</c> or <c>X-Forwarded-For</c> header). A failure's reason goes to the client; the key itself is never logged or echoed.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string SchemeName = ClientRegistry.ApiKeyType;
    private const string BearerPrefix = "Bearer ";

    private readonly ClientRegistry _registry;
    private readonly TimeProvider _clock;

    public ApiKeyAuthenticationHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
        ClientRegistry registry, TimeProvider clock)
        : base(options, logger, encoder)
    {
        _registry = registry;
        _clock = clock;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization;
        if (header.Count == 0)
        {
            if (_registry.AllowAnonymous && Context.Connection.ClientCertificate is null)
            {
                // Anonymous writing is meant for callers on this machine; a proxy in front makes every remote caller
                // look local, so a request that came through one must name its client.
                return Task.FromResult(CameThroughProxy()
                    ? Fail("anonymous writes are not accepted through a proxy (the request carries Forwarded or X-Forwarded-For): send an API key as 'authorization: Bearer <key>'")
                    : Success(ClientRegistry.AnonymousType, ClientRegistry.AnonymousType));
            }
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var value = header.Count == 1 ? header[0] ?? string.Empty : string.Empty;
        if (!value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(Fail("the authorization metadata must be 'Bearer <API key>'"));
        }
        if (!ApiKeyHash.TryParseKey(value[BearerPrefix.Length..].Trim(), out var id, out var secret))
        {
            return Task.FromResult(Fail("the bearer token is not an API key of this server (expected tlm_<id>_<secret>)"));
        }
        if (!_registry.TryFindKey(id, secret, out var entry))
        {
            return Task.FromResult(Fail("API key not recognised"));
        }
        if (entry.ExpiresUtc is { } expires && expires <= _clock.GetUtcNow())
        {
            return Task.FromResult(Fail(string.Create(CultureInfo.InvariantCulture,
                $"API key of client '{entry.Name}' expired at {expires.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}")));
        }
        return Task.FromResult(Success(entry.Name, ClientRegistry.ApiKeyType));
    }

    private bool CameThroughProxy() => Request.Headers.ContainsKey("Forwarded") || Request.Headers.ContainsKey("X-Forwarded-For");

    private AuthenticateResult Success(string name, string type) =>
        AuthenticateResult.Success(new AuthenticationTicket(ClientRegistry.Principal(name, type), Scheme.Name));

    private AuthenticateResult Fail(string reason)
    {
        AuthFailure.Set(Context, reason);
        return AuthenticateResult.Fail(reason);
    }
}
