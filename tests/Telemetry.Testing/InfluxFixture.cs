using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Telemetry.Testing;

/// <summary>
/// xunit fixture owning one private influxd for a test collection (see <see cref="InfluxCollection"/>).
/// Each test uses its own database (<see cref="NewDatabaseName"/>).
/// </summary>
public sealed class InfluxFixture : IAsyncLifetime
{
    private static int _databaseCounter;
    private InfluxProcess? _process;
    private HttpClient? _http;

    /// <summary>HTTP base address of influxd, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => Process.BaseAddress;

    /// <summary>The running influxd.</summary>
    public InfluxProcess Process => _process ?? throw new InvalidOperationException("The fixture has not started.");

    private HttpClient Http => _http ?? throw new InvalidOperationException("The fixture has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _process = await InfluxProcess.StartAsync();
        _http = new HttpClient { BaseAddress = _process.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    /// <summary>A database name unique within this test run, starting with <paramref name="hint"/> (letters, digits, '_').</summary>
    public static string NewDatabaseName(string hint)
    {
        var safe = new string(hint.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        var n = Interlocked.Increment(ref _databaseCounter);
        return string.Create(CultureInfo.InvariantCulture, $"t_{safe}_{n}_{Environment.ProcessId}");
    }

    /// <summary>Runs <c>CREATE DATABASE</c>.</summary>
    public Task CreateDatabaseAsync(string database) =>
        ExecuteAsync($"CREATE DATABASE \"{database}\"");

    /// <summary>Runs <c>DROP DATABASE</c>.</summary>
    public Task DropDatabaseAsync(string database) =>
        ExecuteAsync($"DROP DATABASE \"{database}\"");

    /// <summary>POSTs <paramref name="lineProtocol"/> to <c>/write?precision=ns</c>; throws unless InfluxDB answers 204.</summary>
    public async Task WriteLinesAsync(string database, string lineProtocol)
    {
        using var content = new StringContent(lineProtocol, Encoding.UTF8);
        using var response = await Http.PostAsync($"write?db={Uri.EscapeDataString(database)}&precision=ns", content);
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
        using var response = await Http.GetAsync(url);
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

    private async Task ExecuteAsync(string statement)
    {
        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("q", statement)]);
        using var response = await Http.PostAsync("query", content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || body.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"InfluxDB refused `{statement}`: {(int)response.StatusCode} {body}");
        }
    }
}
