using System.Globalization;
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
    private InfluxClient? _client;

    /// <summary>HTTP base address of influxd, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => Process.BaseAddress;

    /// <summary>The running influxd.</summary>
    public InfluxProcess Process => _process ?? throw new InvalidOperationException("The fixture has not started.");

    private InfluxClient Client => _client ?? throw new InvalidOperationException("The fixture has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _process = await InfluxProcess.StartAsync();
        _client = new InfluxClient(_process.BaseAddress);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _client?.Dispose();
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

    /// <inheritdoc cref="InfluxClient.CreateDatabaseAsync"/>
    public Task CreateDatabaseAsync(string database) => Client.CreateDatabaseAsync(database);

    /// <inheritdoc cref="InfluxClient.DropDatabaseAsync"/>
    public Task DropDatabaseAsync(string database) => Client.DropDatabaseAsync(database);

    /// <inheritdoc cref="InfluxClient.WriteLinesAsync"/>
    public Task WriteLinesAsync(string database, string lineProtocol) => Client.WriteLinesAsync(database, lineProtocol);

    /// <inheritdoc cref="InfluxClient.QueryAsync"/>
    public Task<IReadOnlyList<InfluxRow>> QueryAsync(string database, string influxQl) => Client.QueryAsync(database, influxQl);

    /// <inheritdoc cref="InfluxClient.CountAsync"/>
    public Task<long> CountAsync(string database, string measurement, string field) => Client.CountAsync(database, measurement, field);
}
