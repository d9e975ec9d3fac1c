using System.Web;

namespace Telemetry.Benchmarks.Peer;

/// <summary>
/// Lets InfluxDB.Client (which speaks only the 2.x API) write into influxd 1.x: rewrites
/// <c>/api/v2/write?org=..&amp;bucket=DB&amp;precision=ns</c> to <c>/write?db=DB&amp;precision=ns</c> in process, so no proxy's CPU
/// enters the measurement. Other requests pass as they are.
/// </summary>
internal sealed class V1WriteRewrite(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { AbsolutePath: "/api/v2/write" } uri)
        {
            var query = HttpUtility.ParseQueryString(uri.Query);
            var target = new UriBuilder(uri)
            {
                Path = "/write",
                Query = $"db={Uri.EscapeDataString(query["bucket"] ?? "")}&precision={Uri.EscapeDataString(query["precision"] ?? "ns")}",
            };
            request.RequestUri = target.Uri;
        }
        return base.SendAsync(request, cancellationToken);
    }
}
