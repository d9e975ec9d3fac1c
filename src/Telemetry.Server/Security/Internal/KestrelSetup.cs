using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Telemetry.Server.Security.Internal;

/// <summary>Applies <see cref="LimitsOptions"/> and the client-certificate policy to Kestrel.</summary>
internal static class KestrelSetup
{
    public static void Apply(KestrelServerOptions kestrel, LimitsOptions limits, int maxConnections, bool acceptAnyClientCertificate)
    {
        var k = kestrel.Limits;
        k.MaxConcurrentConnections = maxConnections;
        k.MaxConcurrentUpgradedConnections = 0;
        k.RequestHeadersTimeout = limits.HeadersTimeout;
        k.KeepAliveTimeout = limits.IdleTimeout;
        k.Http2.MaxStreamsPerConnection = limits.MaxStreamsPerConnection;
        k.Http2.KeepAlivePingDelay = limits.KeepAlivePingDelay;
        k.Http2.KeepAlivePingTimeout = limits.KeepAlivePingTimeout;
        var perAddress = new ConnectionsPerAddress(limits.MaxConnectionsPerAddress);
        kestrel.ConfigureEndpointDefaults(listen => listen.Use(perAddress.Middleware));
        kestrel.ConfigureHttpsDefaults(https =>
        {
            https.HandshakeTimeout = limits.HeadersTimeout;
            if (acceptAnyClientCertificate)
            {
                // TLS accepts any client certificate; the certificate scheme then admits only registered thumbprints.
                https.ClientCertificateValidation = static (_, _, _) => true;
            }
        });
    }
}
