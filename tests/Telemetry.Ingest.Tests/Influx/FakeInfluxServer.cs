using System.IO.Compression;
using System.Net;
using System.Text;
using Telemetry.Testing;

namespace Telemetry.Ingest.Tests.Influx;

/// <summary>One request the fake received.</summary>
internal sealed record FakeRequest(string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The body as text, gunzipped when it was sent with <c>Content-Encoding: gzip</c>.</summary>
    public string Text
    {
        get
        {
            if (!Headers.TryGetValue("Content-Encoding", out var encoding) || encoding != "gzip")
            {
                return Encoding.UTF8.GetString(Body);
            }
            using var gzip = new GZipStream(new MemoryStream(Body), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }

    public int LineCount => Text.Count(c => c == '\n');
}

/// <summary>The fake's answer: a status, an optional JSON error and extra headers.</summary>
internal sealed record FakeReply(int Status, string? Error = null, params (string Name, string Value)[] Headers)
{
    public static readonly FakeReply NoContent = new(204);

    /// <summary>How long the server waits before answering.</summary>
    public TimeSpan Delay { get; init; }
}

/// <summary>
/// An HTTP server on 127.0.0.1 for the answers influxd 1.6 cannot give (413, 429, 401, the V2 API). Writes are
/// answered, concurrently, by the given function of the request and its 0-based number in arrival order;
/// <c>/query</c> (CREATE DATABASE) always succeeds and is not recorded.
/// </summary>
internal sealed class FakeInfluxServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<FakeRequest, int, FakeReply> _respond;
    private readonly List<FakeRequest> _requests = [];
    private readonly Task _loop;

    public FakeInfluxServer(Func<FakeRequest, int, FakeReply> respond, int? port = null)
    {
        _respond = respond;
        BaseAddress = new Uri($"http://127.0.0.1:{port ?? FreePort.Next()}/");
        _listener.Prefixes.Add(BaseAddress.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => TryAnswerAsync(context));
        }
    }

    private async Task TryAnswerAsync(HttpListenerContext context)
    {
        try
        {
            await AnswerAsync(context);
        }
        catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up on this request (a timeout under test): nothing to answer.
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var headers = context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        var request = new FakeRequest(context.Request.RawUrl!, headers, body.ToArray());
        if (request.PathAndQuery.EndsWith("/query", StringComparison.Ordinal))
        {
            // CREATE DATABASE at start: succeed, and keep the record to the writes.
            context.Response.StatusCode = 200;
            await context.Response.OutputStream.WriteAsync("{\"results\":[{\"statement_id\":0}]}"u8.ToArray());
            context.Response.Close();
            return;
        }
        int number;
        lock (_requests)
        {
            number = _requests.Count;
            _requests.Add(request);
        }
        var reply = _respond(request, number);
        await Task.Delay(reply.Delay);
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.AddHeader(name, value);
        }
        if (reply.Error is not null)
        {
            var json = Encoding.UTF8.GetBytes($"{{\"error\":\"{reply.Error}\"}}");
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = json.Length;
            await context.Response.OutputStream.WriteAsync(json);
        }
        context.Response.Close();
    }
}
