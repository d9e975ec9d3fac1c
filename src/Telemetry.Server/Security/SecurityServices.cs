using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Telemetry.Server.Internal;
using Telemetry.Server.Security.Internal;

namespace Telemetry.Server.Security;

/// <summary>
/// Registers authentication (API keys, client certificates, anonymous), the ingest authorization policy, and the
/// connection and call limits (Kestrel and the rate limiter).
/// </summary>
public static class SecurityServices
{
    /// <summary>The authorization policy every ingest (and reflection) call must satisfy.</summary>
    public const string WriterPolicy = "telemetry-writer";

    /// <summary>Adds the <c>Security</c> and <c>Limits</c> options, the authentication schemes, the policy and the limits.</summary>
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
                o.Events = CertificateEvents.Create();
            });
        services.AddAuthorizationBuilder().AddPolicy(WriterPolicy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName, CertificateAuthenticationDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser());

        // Kestrel and the rate limiter read the limits through validated options: a bad value stops the start
        // with a message naming the setting, before either applies it.
        services.AddOptions<LimitsOptions>().Bind(builder.Configuration.GetSection(LimitsOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => ConnectionLimit.From(sp.GetRequiredService<IOptions<LimitsOptions>>().Value));
        services.AddOptions<KestrelServerOptions>().Configure<ConnectionLimit, IOptions<LimitsOptions>, IOptions<SecurityOptions>>(
            (kestrel, connections, limits, security) =>
                KestrelSetup.Apply(kestrel, limits.Value, connections.MaxConnections, security.Value.ClientCertificates.Count > 0));
        services.AddRateLimiter(static _ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitsOptions>>((o, limits) => ClientRateLimits.Configure(o, limits.Value));
    }

    /// <summary>Adds authentication, authorization and the per-client rate limiter to the pipeline, in that order.</summary>
    public static void UseTelemetrySecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        var limit = app.Services.GetRequiredService<ConnectionLimit>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecurityServices));
        Log.ConnectionLimit(logger, limit.MaxConnections, limit.Derived ? " unset: derived" : "", limit.OpenFiles);
        var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (security.AllowAnonymous)
        {
            var endpoints = string.Join(", ", ListenEndpoints.From(app.Configuration).Select(e => e.Url));
            Log.AnonymousEnabled(logger, endpoints);
        }
    }
}
