namespace Telemetry.Testing;

/// <summary>
/// The name of the xunit collection that shares one <see cref="InfluxFixture"/>. xunit v2 reads collection
/// definitions only from the test assembly itself, so each test project declares
/// <c>[CollectionDefinition(InfluxCollection.Name)] public sealed class InfluxCollectionDefinition : ICollectionFixture&lt;InfluxFixture&gt;;</c>
/// and test classes carry <c>[Collection(InfluxCollection.Name)]</c>.
/// </summary>
public static class InfluxCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "influxd";
}
