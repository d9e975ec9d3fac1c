using System.Globalization;
using Grpc.Net.Client;
using Telemetry.Contracts.V1;
using Telemetry.Testing;
using IngestClient = Telemetry.Contracts.V1.IngestService.IngestServiceClient;

namespace Telemetry.Server.Tests.Hostile;

/// <summary>
/// One real server and one private influxd shared by every hostile-corpus case (they run one after another). Each
/// case tags what it writes with <c>corpus_case</c>, so its exact effect on the database is read back by that tag,
/// and after each case a second, well-behaved client on its own connection must still write.
/// </summary>
public sealed class CorpusServer : IAsyncLifetime
{
    public const string CaseTag = "corpus_case";
    public const int MaxMessageBytes = 4 << 20;

    private InfluxProcess? _influx;
    private InfluxClient? _query;
    private TestServer? _server;
    private GrpcChannel? _goodChannel;
    private int _goodWrites;

    internal TestServer Server => _server ?? throw new InvalidOperationException("not started");

    internal InfluxClient Influx => _query ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _influx = await InfluxProcess.StartAsync();
        _query = new InfluxClient(_influx.BaseAddress);
        _server = await TestServer.StartAsync(_influx.BaseAddress, "corpus", new Dictionary<string, string?>
        {
            ["Ingest:MaxMessageBytes"] = MaxMessageBytes.ToString(CultureInfo.InvariantCulture),
            ["Limits:CallsPerSecondPerClient"] = "100000",
            ["Limits:CallBurstPerClient"] = "100000",
        });
        _goodChannel = GrpcChannel.ForAddress(_server.Address);
    }

    public async Task DisposeAsync()
    {
        _goodChannel?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _query?.Dispose();
        if (_influx is not null)
        {
            await _influx.DisposeAsync();
        }
    }

    /// <summary>Every point tagged with <paramref name="caseName"/>, from any measurement.</summary>
    public async Task<IReadOnlyList<InfluxRow>> RowsOfCaseAsync(string caseName)
    {
        await Server.WaitUntilForwardedAsync();
        return await Influx.QueryAsync(Server.Database, $"SELECT * FROM /.*/ WHERE \"{CaseTag}\" = '{caseName}'");
    }

    /// <summary>A well-behaved client on its own connection writes one frame after a case; asserts it is stored.</summary>
    public async Task AssertWellBehavedClientWritesAsync(string caseName)
    {
        var step = Interlocked.Increment(ref _goodWrites);
        var frame = Frames.Sample("corpus/good", (ulong)step, "good");
        frame.Tags.Add(new Tag { Key = CaseTag, Value = caseName });
        var ack = await new IngestClient(_goodChannel).WriteAsync(new FrameBatch { BatchId = (ulong)step, Frames = { frame } });

        Assert.Equal(new BatchAck { BatchId = (ulong)step, Accepted = true, WrittenCount = 1, Durability = AckDurability.Spool }, ack);
        await Server.WaitUntilForwardedAsync();
        var row = Assert.Single(await Influx.QueryAsync(Server.Database, $"SELECT step FROM good WHERE \"{CaseTag}\" = '{caseName}'"));
        Assert.Equal(step, row.Values["step"].GetInt64());
    }
}

/// <summary>
/// The corpus cases share one <see cref="CorpusServer"/> and run one after another, alone: the memory samples of
/// the resource cases are of this process, so no other test may run beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CorpusCollection : ICollectionFixture<CorpusServer>
{
    public const string Name = "hostile-corpus";
}
