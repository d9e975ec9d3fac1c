using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Telemetry.Testing;

/// <summary>
/// Self-signed certificates made by the test itself (no files shipped, nothing from outside): a server certificate
/// for 127.0.0.1 and localhost, and client certificates for mutual TLS. Each is also written to a folder as PFX and
/// PEM, for Kestrel's configuration and for clients in other languages.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private readonly TempDirectory _directory = new("certs");

    /// <summary>Folder holding the written files; deleted on dispose.</summary>
    public string Folder => _directory.Path;

    /// <summary>Creates a server certificate (EKU serverAuth, SAN 127.0.0.1, ::1 and localhost), valid for a day.</summary>
    public WrittenCertificate CreateServer(string name = "server") => Write(name, Create(
        "CN=localhost", new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication"), san =>
        {
            san.AddIpAddress(IPAddress.Loopback);
            san.AddIpAddress(IPAddress.IPv6Loopback);
            san.AddDnsName("localhost");
        }));

    /// <summary>Creates a client certificate (EKU clientAuth) named <paramref name="name"/>, valid for a day.</summary>
    public WrittenCertificate CreateClient(string name) => Write(name, Create(
        $"CN={name}", new Oid("1.3.6.1.5.5.7.3.2", "Client Authentication"), san => san.AddDnsName(name)));

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    private static X509Certificate2 Create(string subject, Oid usage, Action<SubjectAlternativeNameBuilder> names)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        var san = new SubjectAlternativeNameBuilder();
        names(san);
        request.CertificateExtensions.Add(san.Build());
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    private WrittenCertificate Write(string name, X509Certificate2 certificate)
    {
        const string password = "test-only";
        var pfx = Path.Combine(Folder, name + ".pfx");
        var pem = Path.Combine(Folder, name + ".pem");
        var keyPem = Path.Combine(Folder, name + ".key.pem");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, password));
        File.WriteAllText(pem, certificate.ExportCertificatePem());
        File.WriteAllText(keyPem, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        // Re-imported from PFX so that the private key is usable for TLS on every platform.
        var loaded = X509CertificateLoader.LoadPkcs12(File.ReadAllBytes(pfx), password);
        certificate.Dispose();
        return new WrittenCertificate(loaded, pfx, password, pem, keyPem);
    }
}

/// <summary>A certificate with its private key, and where it was written.</summary>
/// <param name="Certificate">The certificate with its private key.</param>
/// <param name="PfxPath">PKCS#12 file (certificate and key) protected by <paramref name="Password"/>.</param>
/// <param name="Password">The PFX password.</param>
/// <param name="PemPath">The certificate alone, PEM.</param>
/// <param name="KeyPemPath">The private key alone, PKCS#8 PEM.</param>
public sealed record WrittenCertificate(X509Certificate2 Certificate, string PfxPath, string Password, string PemPath, string KeyPemPath)
{
    /// <summary>SHA-256 thumbprint, uppercase hexadecimal.</summary>
    public string Sha256Thumbprint => Certificate.GetCertHashString(HashAlgorithmName.SHA256);
}
