using System.Net;
using System.Text;

namespace Telemetry.Testing;

/// <summary>The few InfluxDB 1.x HTTP calls tests make to set up and read back data, independent of the server under test.</summary>
public sealed class InfluxClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A client of the InfluxDB at <paramref name="baseAddress"/>, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public InfluxClient(Uri baseAddress)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Runs <c>CREATE DATABASE</c>.</summary>
    public Task CreateDatabaseAsync(string database) => ExecuteAsync($"CREATE DATABASE \"{database}\"");

    /// <summary>Runs <c>DROP DATABASE</c>.</summary>
    public Task DropDatabaseAsync(string database) => ExecuteAsync($"DROP DATABASE \"{database}\"");

    /// <summary>POSTs <paramref name="lineProtocol"/> to <c>/write?precision=ns</c>; throws unless InfluxDB answers 204.</summary>
    public async Task WriteLinesAsync(string database, string lineProtocol)
    {
        using var content = new StringContent(lineProtocol, Encoding.UTF8);
        using var response = await _http.PostAsync($"write?db={Uri.EscapeDataString(database)}&precision=ns", content);
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"InfluxDB answered {(int)response.StatusCode} to a write: {body}");
        }
    }

    /// <summary>
    /// Runs an InfluxQL query (timestamps as integer nanoseconds) and returns every row of every series, with the
    /// series' tags merged in. Throws when InfluxDB reports an error.
    /// </summary>
    public async Task<IReadOnlyList<InfluxRow>> QueryAsync(string database, string influxQl)
    {
        var url = $"query?db={Uri.EscapeDataString(database)}&epoch=ns&q={Uri.EscapeDataString(influxQl)}";
        using var response = await _http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"InfluxDB answered {(int)response.StatusCode} to `{influxQl}`: {body}");
        }
        return InfluxRow.Parse(body, influxQl);
    }

    /// <summary>Number of points of <paramref name="measurement"/> that have <paramref name="field"/> (0 when none).</summary>
    public async Task<long> CountAsync(string database, string measurement, string field)
    {
        var rows = await QueryAsync(database, $"SELECT COUNT(\"{field}\") FROM \"{measurement}\"");
        return rows.Count == 0 ? 0 : rows[0].Values["count"].GetInt64();
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task ExecuteAsync(string statement)
    {
        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("q", statement)]);
        using var response = await _http.PostAsync("query", content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || body.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"InfluxDB refused `{statement}`: {(int)response.StatusCode} {body}");
        }
    }
}
