using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Telemetry.Simulation.Ascent;
using Telemetry.Simulation.Core.Internal;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent.Internal;

namespace Telemetry.Simulation.Tests.Ascent;

/// <summary>
/// The shipped <c>ascent.schema.json</c> is generated from the model: its structure by System.Text.Json's exporter, its
/// descriptions from the XML doc summaries, its defaults from a default scenario. Run the tests with
/// <c>UPDATE_SCHEMAS=1</c> to rewrite it after changing a parameter record.
/// </summary>
public sealed partial class AscentSchemaTests
{
    private const string FileName = "ascent.schema.json";

    [Fact]
    public void Schema_Shipped_IsTheOneGeneratedFromTheModel()
    {
        var generated = Generate().ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMAS") == "1")
        {
            File.WriteAllText(Path.Combine(SourceScenarios(), FileName), generated);
        }

        Assert.Equal(generated, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", FileName)));
    }

    [Fact]
    public void ShippedAscents_NameTheSchemaAndWriteEveryParameterExplicitly()
    {
        var defaults = JsonNode.Parse(AscentScenarioCatalog.ToJson(new AscentScenario()))!.AsObject();
        foreach (var name in AscentScenarioCatalog.Names)
        {
            var shipped = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", name + ".json")))!.AsObject();
            Assert.Equal(FileName, shipped["$schema"]!.GetValue<string>());
            foreach (var (section, value) in defaults)
            {
                Assert.True(shipped.ContainsKey(section), $"{name}.json lacks '{section}'");
                if (value is JsonObject d && shipped[section] is JsonObject written)
                {
                    Assert.Equal(d.Select(p => p.Key), written.Select(p => p.Key));
                }
            }
        }
    }

    private static JsonObject Generate()
    {
        var docs = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Telemetry.Simulation.xml"))
            .Descendants("member").Where(m => m.Element("summary") is not null)
            .ToDictionary(m => (string)m.Attribute("name")!, m => Flatten(m.Element("summary")!));
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(ScenarioJson.Options, typeof(AscentScenario), new JsonSchemaExporterOptions
        {
            TransformSchemaNode = (context, node) =>
            {
                var property = context.PropertyInfo?.AttributeProvider as System.Reflection.PropertyInfo;
                if (node is JsonObject o && property is not null && docs.TryGetValue($"P:{property.DeclaringType!.FullName}.{property.Name}", out var text))
                {
                    o.Insert(0, "description", text);
                }

                return node;
            },
        }).AsObject();
        var defaults = JsonNode.Parse(AscentScenarioCatalog.ToJson(new AscentScenario()))!.AsObject();
        AddDefaults(schema, defaults);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = FileName,
            ["title"] = "Telemetry.Simulation ascent scenario",
        };
        foreach (var (key, value) in schema)
        {
            root[key] = value?.DeepClone();
        }

        return root;
    }

    // Leaf defaults from a default scenario; lists get their default contents too, so an editor can show them.
    private static void AddDefaults(JsonObject schema, JsonObject model)
    {
        if (schema["properties"] is not JsonObject properties)
        {
            return;
        }

        foreach (var (key, value) in model)
        {
            if (properties[key] is not JsonObject described)
            {
                continue;
            }

            if (value is JsonObject nested)
            {
                AddDefaults(described, nested);
            }
            else
            {
                described["default"] = value?.DeepClone();
            }
        }
    }

    private static string Flatten(XElement summary)
    {
        var text = string.Concat(summary.Nodes().Select(n => n switch
        {
            XElement { Name.LocalName: "see" } see => ((string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? "").Split('.')[^1],
            XElement element => element.Value,
            _ => n.ToString(),
        }));
        return Spaces().Replace(System.Net.WebUtility.HtmlDecode(text), " ").Trim();
    }

    private static string SourceScenarios([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "src", "Telemetry.Simulation", "Ascent", "Scenarios"));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
