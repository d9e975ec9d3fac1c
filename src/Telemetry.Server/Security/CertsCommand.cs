using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Telemetry.Server.Security;

/// <summary>
/// <c>Telemetry.Server certs</c>: makes a private CA, a server certificate it signs (for 127.0.0.1, ::1, localhost and
/// the names given) and client certificates for mutual TLS, for a test deployment, and prints the settings that use
/// them. Client certificates are self-signed: the server knows a client by its certificate's registered SHA-256
/// thumbprint, not by who signed it. Keys are ECDSA P-256; everything is valid for a year. Not a replacement for an
/// organisation's CA.
/// </summary>
internal static class CertsCommand
{
    public const string Verb = "certs";

    private const string Usage =
        "usage: Telemetry.Server certs --out FOLDER [--host NAME ...] [--client NAME ...]   (writes ca.pem, server.pfx, server.pem, server.key.pem, NAME.pem, NAME.key.pem)";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args is ["--help" or "-h"])
        {
            output.WriteLine(Usage);
            return ExitCodes.Ok;
        }
        string? folder = null;
        var hosts = new List<string>();
        var clients = new List<string>();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--out": folder = args[i + 1]; break;
                case "--host": hosts.Add(args[i + 1]); break;
                case "--client" when args[i + 1].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'): clients.Add(args[i + 1]); break;
                default: folder = null; i = args.Count; break;
            }
        }
        if (folder is null || args.Count % 2 != 0)
        {
            error.WriteLine(Usage);
            return ExitCodes.InvalidConfiguration;
        }
        Directory.CreateDirectory(folder);
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Telemetry test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now, now.AddDays(365));
        File.WriteAllText(Path.Combine(folder, "ca.pem"), ca.ExportCertificatePem());

        var server = Issue(ca, "CN=" + (hosts.FirstOrDefault() ?? "localhost"), "1.3.6.1.5.5.7.3.1", names =>
        {
            names.AddIpAddress(IPAddress.Loopback);
            names.AddIpAddress(IPAddress.IPv6Loopback);
            names.AddDnsName("localhost");
            foreach (var host in hosts)
            {
                if (IPAddress.TryParse(host, out var ip))
                {
                    names.AddIpAddress(ip);
                }
                else
                {
                    names.AddDnsName(host);
                }
            }
        }, now);
        Write(folder, "server", server.Certificate, server.Key);
        File.WriteAllBytes(Path.Combine(folder, "server.pfx"), server.Certificate.CopyWithPrivateKey(server.Key).Export(X509ContentType.Pkcs12));
        output.WriteLine($"CA:     {Path.Combine(folder, "ca.pem")} (give it to clients: --tls-ca)");
        output.WriteLine($"server: {Path.Combine(folder, "server.pfx")} (no password)");
        output.WriteLine($"  --Kestrel:Endpoints:Grpc:Url=https://127.0.0.1:50051 --Kestrel:Endpoints:Grpc:Certificate:Path={Path.GetFullPath(Path.Combine(folder, "server.pfx"))}");
        foreach (var client in clients)
        {
            var issued = Issue(null, "CN=" + client, "1.3.6.1.5.5.7.3.2", names => names.AddDnsName(client), now);
            Write(folder, client, issued.Certificate, issued.Key);
            var thumbprint = issued.Certificate.GetCertHashString(HashAlgorithmName.SHA256);
            output.WriteLine($"client {client}: {Path.Combine(folder, client + ".pem")} and {client}.key.pem (--client-cert, --client-key)");
            output.WriteLine($"  --Kestrel:Endpoints:Grpc:ClientCertificateMode=AllowCertificate --Security:ClientCertificates:{client}:Thumbprint={thumbprint}");
            issued.Certificate.Dispose();
            issued.Key.Dispose();
        }
        server.Certificate.Dispose();
        server.Key.Dispose();
        return ExitCodes.Ok;
    }

    private static (X509Certificate2 Certificate, ECDsa Key) Issue(
        X509Certificate2? ca, string subject, string usage, Action<SubjectAlternativeNameBuilder> names, DateTimeOffset now)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        var san = new SubjectAlternativeNameBuilder();
        names(san);
        request.CertificateExtensions.Add(san.Build());
        if (ca is null)
        {
            using var selfSigned = request.CreateSelfSigned(now, now.AddDays(364));
            return (X509CertificateLoader.LoadCertificate(selfSigned.RawData), key);
        }
        return (request.Create(ca, now, now.AddDays(364), RandomNumberGenerator.GetBytes(16)), key);
    }

    private static void Write(string folder, string name, X509Certificate2 certificate, ECDsa key)
    {
        File.WriteAllText(Path.Combine(folder, name + ".pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, name + ".key.pem"), key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(folder, name + ".key.pem"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
