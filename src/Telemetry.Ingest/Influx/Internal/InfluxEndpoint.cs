using System.Net.Http.Headers;
using System.Text;

namespace Telemetry.Ingest.Influx.Internal;

/// <summary>The addresses and credentials of the configured InfluxDB, computed once at construction.</summary>
internal sealed class InfluxEndpoint
{
    public InfluxEndpoint(InfluxOptions options)
    {
        var baseUri = options.Url.AbsoluteUri.EndsWith('/') ? options.Url : new Uri(options.Url.AbsoluteUri + "/");
        if (options.ApiVersion == InfluxApiVersion.V1)
        {
            Target = options.Database;
            var query = "write?db=" + Uri.EscapeDataString(options.Database);
            if (!string.IsNullOrEmpty(options.RetentionPolicy))
            {
                query += "&rp=" + Uri.EscapeDataString(options.RetentionPolicy);
            }
            WriteUri = new Uri(baseUri, query + "&precision=ns");
            QueryUri = new Uri(baseUri, "query");
            if (!string.IsNullOrEmpty(options.Username))
            {
                var credentials = Encoding.UTF8.GetBytes(options.Username + ":" + options.Password);
                Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
            }
            if (options.CreateDatabase)
            {
                CreateDatabaseStatement = "CREATE DATABASE \"" + options.Database.Replace("\\", "\\\\", StringComparison.Ordinal)
                    .Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
            }
        }
        else
        {
            Target = options.Bucket!;
            var query = "api/v2/write?";
            if (!string.IsNullOrEmpty(options.Organization))
            {
                query += "org=" + Uri.EscapeDataString(options.Organization) + "&";
            }
            WriteUri = new Uri(baseUri, query + "bucket=" + Uri.EscapeDataString(options.Bucket!) + "&precision=ns");
            if (!string.IsNullOrEmpty(options.Token))
            {
                Authorization = new AuthenticationHeaderValue("Token", options.Token);
            }
        }
    }

    /// <summary>The database (V1) or bucket (V2), for logs.</summary>
    public string Target { get; }

    public Uri WriteUri { get; }

    /// <summary>V1 <c>/query</c>, used to create the database; null with V2.</summary>
    public Uri? QueryUri { get; }

    public AuthenticationHeaderValue? Authorization { get; }

    /// <summary>The <c>CREATE DATABASE</c> statement when the sink creates its database (V1 only), else null.</summary>
    public string? CreateDatabaseStatement { get; }

    public HttpRequestMessage CreateWrite(HttpContent content) => Create(WriteUri, content);

    public HttpRequestMessage CreateQuery(string statement) =>
        Create(QueryUri!, new FormUrlEncodedContent([new KeyValuePair<string, string>("q", statement)]));

    private HttpRequestMessage Create(Uri uri, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.Authorization = Authorization;
        return request;
    }
}
