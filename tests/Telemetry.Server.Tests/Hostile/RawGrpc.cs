using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Telemetry.Server.Tests.Hostile;

/// <summary>
/// Sends hand-made gRPC request bodies over HTTP/2 (bytes a well-behaved client library would never produce) and
/// reads the status the server ends the call with.
/// </summary>
internal static class RawGrpc
{
    public const string Write = "/telemetry.v1.IngestService/Write";
    public const string Stream = "/telemetry.v1.IngestService/Stream";

    private static readonly HttpClient Http = new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>One length-prefixed message: the compressed flag, the big-endian length, the payload.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> payload, bool compressed = false, uint? length = null)
    {
        var bytes = new byte[5 + payload.Length];
        bytes[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(1), length ?? (uint)payload.Length);
        payload.CopyTo(bytes.AsSpan(5));
        return bytes;
    }

    public static byte[] Frame(IMessage message) => Frame(message.ToByteArray());

    /// <summary>Posts <paramref name="body"/> to <paramref name="method"/> and returns the call's final status.</summary>
    public static async Task<RawStatus> CallAsync(
        Uri server, string method, byte[] body, IReadOnlyDictionary<string, string>? headers = null, string contentType = "application/grpc")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, method))
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var payload = await response.Content.ReadAsByteArrayAsync();
        var status = Find(response, "grpc-status");
        var message = Find(response, "grpc-message");
        return new RawStatus((int)response.StatusCode, status is null ? null : int.Parse(status, System.Globalization.CultureInfo.InvariantCulture),
            message is null ? null : Uri.UnescapeDataString(message), payload.Length);
    }

    private static string? Find(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var t) ? t.First()
        : response.Headers.TryGetValues(name, out var h) ? h.First() : null;
}

/// <summary>The outcome of a raw call: HTTP status, gRPC status and message, response body bytes.</summary>
internal sealed record RawStatus(int Http, int? Grpc, string? Message, int BodyBytes);
