using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Certificate;

namespace Telemetry.Server.Security.Internal;

/// <summary>Maps a validated client certificate to its configured client by SHA-256 thumbprint (pinning).</summary>
internal static class CertificateEvents
{
    public static CertificateAuthenticationEvents Create() => new()
    {
        OnCertificateValidated = context =>
        {
            var registry = context.HttpContext.RequestServices.GetRequiredService<ClientRegistry>();
            var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            var thumbprint = context.ClientCertificate.GetCertHashString(HashAlgorithmName.SHA256);
            if (!registry.TryFindCertificate(thumbprint, out var entry))
            {
                Fail(context, $"client certificate {thumbprint} is not registered in Security:ClientCertificates");
            }
            else if (entry.ExpiresUtc is { } expires && expires <= clock.GetUtcNow())
            {
                Fail(context, $"client certificate of client '{entry.Name}' expired at {expires.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} (Security:ClientCertificates:{entry.Name}:ExpiresUtc)");
            }
            else
            {
                context.Principal = ClientRegistry.Principal(entry.Name, ClientRegistry.CertificateType);
                context.Success();
            }
            return Task.CompletedTask;
        },
        OnAuthenticationFailed = context =>
        {
            AuthFailure.Set(context.HttpContext, $"client certificate refused: {context.Exception.Message}");
            return Task.CompletedTask;
        },
    };

    private static void Fail(CertificateValidatedContext context, string reason)
    {
        AuthFailure.Set(context.HttpContext, reason);
        context.Fail(reason);
    }
}
