using Telemetry.Testing;

namespace Telemetry.Server.Tests;

/// <summary>Shares one private influxd among every test class in <see cref="InfluxCollection.Name"/>.</summary>
[CollectionDefinition(InfluxCollection.Name)]
public sealed class InfluxCollectionDefinition : ICollectionFixture<InfluxFixture>;
