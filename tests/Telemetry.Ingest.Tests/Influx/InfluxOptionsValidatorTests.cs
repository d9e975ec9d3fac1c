using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telemetry.Ingest.Influx;
using Telemetry.Ingest.Influx.Internal;

namespace Telemetry.Ingest.Tests.Influx;

public sealed class InfluxOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new InfluxOptionsValidator().Validate(null, new InfluxOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BadValues_ListsEveryProblemWithSettingAndValue()
    {
        var options = new InfluxOptions
        {
            Url = new Uri("ftp://127.0.0.1/"),
            Database = " ",
            Password = "secret",
            BatchLines = 0,
            Writers = 65,
            MaxPendingBytes = 1000,
            FlushInterval = TimeSpan.Zero,
            RetryInitialDelay = TimeSpan.FromSeconds(2),
            RetryMaxDelay = TimeSpan.FromSeconds(1),
        };

        var result = new InfluxOptionsValidator().Validate(null, options);

        Assert.Equal(
        [
            "Influx:Url must be an absolute http:// or https:// address (was 'ftp://127.0.0.1/').",
            "Influx:Database is required with ApiVersion V1.",
            "Influx:Password is set but Username is not.",
            "Influx:BatchLines must be between 1 and 1000000 (was 0).",
            "Influx:Writers must be between 1 and 64 (was 65).",
            "Influx:MaxPendingBytes must be at least 1 MiB (1048576) (was 1000).",
            "Influx:FlushInterval must be a positive duration such as 00:00:01 (was 00:00:00).",
            "Influx:RetryMaxDelay (00:00:01) must not be shorter than RetryInitialDelay (00:00:02).",
        ], result.Failures);
    }

    [Fact]
    public void Validate_V2WithoutBucket_RequiresBucket()
    {
        var result = new InfluxOptionsValidator().Validate(null, new InfluxOptions { ApiVersion = InfluxApiVersion.V2 });

        Assert.Equal(["Influx:Bucket is required with ApiVersion V2."], result.Failures);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsOptionsValidationException()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new InfluxSink(
            Options.Create(new InfluxOptions { Writers = 0 }), SinkBuilder.Http, NullLogger<InfluxSink>.Instance));

        Assert.Equal("Influx:Writers must be between 1 and 64 (was 0).", error.Message);
    }

    [Fact]
    public async Task AddInfluxSink_BoundFromConfiguration_ValidatesAndResolvesTheSink()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Influx:Url"] = "http://127.0.0.1:9999",
            ["Influx:Database"] = "ops",
            ["Influx:BatchLines"] = "250",
            ["Influx:FlushInterval"] = "00:00:00.250",
            ["Influx:ApiVersion"] = "V1",
        }).Build();
        // The sink is IAsyncDisposable only: the container must be disposed asynchronously, as hosts do.
        await using var provider = new ServiceCollection().AddLogging().AddInfluxSink(configuration.GetSection("Influx")).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<InfluxOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:9999"), options.Url);
        Assert.Equal("ops", options.Database);
        Assert.Equal(250, options.BatchLines);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.FlushInterval);
        Assert.Same(provider.GetRequiredService<InfluxSink>(), provider.GetRequiredService<InfluxSink>());
    }

    [Fact]
    public void AddInfluxSink_InvalidConfiguration_FailsWithTheSettingsMessage()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Influx:BatchLines"] = "-5",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddInfluxSink(configuration.GetSection("Influx")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InfluxOptions>>().Value);

        Assert.Equal("Influx:BatchLines must be between 1 and 1000000 (was -5).", error.Message);
    }
}
