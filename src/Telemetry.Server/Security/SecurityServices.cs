using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Telemetry.Server.Security.Internal;

namespace Telemetry.Server.Security;

/// <summary>Registers authentication (API keys, client certificates, anonymous) and the ingest authorization policy.</summary>
public static class SecurityServices
{
    /// <summary>The authorization policy every ingest (and reflection) call must satisfy.</summary>
    public const string WriterPolicy = "telemetry-writer";

    /// <summary>Adds the <c>Security</c> options, the authentication schemes and the policy.</summary>
    public static void AddTelemetrySecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().Bind(builder.Configuration.GetSection(SecurityOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddSingleton<ClientRegistry>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCertificate(o =>
            {
                o.AllowedCertificateTypes = CertificateTypes.All;
                o.RevocationMode = X509RevocationMode.NoCheck;
                o.Events = CertificateEvents.Create(TimeProvider.System);
            });
        services.AddAuthorizationBuilder().AddPolicy(WriterPolicy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName, CertificateAuthenticationDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser());

        var security = builder.Configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
        if (security.ClientCertificates.Count > 0)
        {
            // TLS accepts any client certificate; the certificate scheme then admits only registered thumbprints.
            builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(h => h.ClientCertificateValidation = static (_, _, _) => true));
        }
    }
}
