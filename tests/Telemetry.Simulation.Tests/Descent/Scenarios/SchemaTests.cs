using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Telemetry.Simulation.Core;
using Telemetry.Simulation.Descent;

namespace Telemetry.Simulation.Tests.Descent.Scenarios;

public sealed class SchemaTests
{
    private static readonly JsonObject Schema =
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", "scenario.schema.json")))!.AsObject();

    // A default scenario with one default item in every list, so list item records are covered too.
    private static readonly JsonObject Defaults = JsonNode.Parse(ScenarioCatalog.ToJson(new Scenario
    {
        Reference = new ScenarioReference { Figures = [new ReferenceFigure()] },
        Lrf = new LrfParameters { DropoutWindows = [new TimeWindow()] },
        Terrain = new TerrainParameters { Profile = [new TerrainPoint()] },
    }))!.AsObject();

    [Fact]
    public void Schema_EveryModelProperty_IsDescribedWithItsDefault()
    {
        var problems = new List<string>();
        Compare(Defaults, Schema, "$", problems);

        Assert.Empty(problems);
    }

    [Fact]
    public void Schema_EveryDescribedProperty_ExistsInTheModel()
    {
        var problems = new List<string>();
        Reverse(Schema, Defaults, "$", problems);

        Assert.Empty(problems);
    }

    [Fact]
    public void ShippedScenarios_WriteEveryParameterExplicitly()
    {
        foreach (var name in ScenarioCatalog.Names)
        {
            var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", name + ".json"));
            var shipped = JsonNode.Parse(text)!.AsObject();
            foreach (var (section, value) in Defaults)
            {
                Assert.True(shipped.ContainsKey(section), $"{name}.json lacks '{section}'");
                if (value is JsonObject defaults && shipped[section] is JsonObject written)
                {
                    Assert.Equal(defaults.Select(p => p.Key), written.Select(p => p.Key));
                }
            }
        }
    }

    private static void Compare(JsonObject model, JsonObject schema, string path, List<string> problems)
    {
        var properties = schema["properties"]!.AsObject();
        foreach (var (key, value) in model)
        {
            var at = $"{path}.{key}";
            if (properties[key] is not JsonObject described)
            {
                problems.Add($"{at}: not in the schema");
                continue;
            }

            if (string.IsNullOrWhiteSpace(described["description"]?.GetValue<string>()))
            {
                problems.Add($"{at}: no description");
            }

            switch (value)
            {
                case JsonObject nested:
                    Compare(nested, described, at, problems);
                    break;
                case JsonArray { Count: > 0 } array when array[0] is JsonObject item:
                    Compare(item, described["items"]!.AsObject(), at + "[]", problems);
                    break;
                default:
                    if (!described.ContainsKey("default"))
                    {
                        problems.Add($"{at}: no default");
                    }
                    else if (!path.EndsWith("[]", StringComparison.Ordinal) && value is not JsonArray
                        && !JsonNode.DeepEquals(value, described["default"]))
                    {
                        problems.Add($"{at}: schema default {described["default"]?.ToJsonString()} but model {value?.ToJsonString()}");
                    }

                    break;
            }
        }
    }

    private static void Reverse(JsonObject schema, JsonObject model, string path, List<string> problems)
    {
        foreach (var (key, described) in schema["properties"]!.AsObject())
        {
            var at = $"{path}.{key}";

            // "$schema" names the schema in a file; it is never written for a scenario built in code.
            if (at == "$.$schema")
            {
                continue;
            }

            if (!model.ContainsKey(key))
            {
                problems.Add($"{at}: described but not in the model");
            }
            else if (model[key] is JsonObject nested)
            {
                Reverse(described!.AsObject(), nested, at, problems);
            }
            else if (model[key] is JsonArray { Count: > 0 } array && array[0] is JsonObject item)
            {
                Reverse(described!["items"]!.AsObject(), item, at + "[]", problems);
            }
        }

    }

    [Fact]
    public void Schema_Descriptions_AreTheXmlDocSummaries()
    {
        var docs = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Telemetry.Simulation.xml"))
            .Descendants("member")
            .Where(m => m.Element("summary") is not null)
            .ToDictionary(m => (string)m.Attribute("name")!, m => Flatten(m.Element("summary")!));
        var problems = new List<string>();
        Describe(Schema, typeof(Scenario), "$", docs, problems);

        Assert.Empty(problems);
    }

    private static void Describe(JsonObject schema, Type type, string path, Dictionary<string, string> docs, List<string> problems)
    {
        foreach (var (key, node) in schema["properties"]!.AsObject())
        {
            var described = node!.AsObject();
            var property = type.GetProperties().Single(p =>
                string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase) || (key == "$schema" && p.Name == "SchemaUri"));
            var expected = docs[$"P:{type.FullName}.{property.Name}"];
            if (described["description"]?.GetValue<string>() != expected)
            {
                problems.Add($"{path}.{key}: schema says '{described["description"]}', docs say '{expected}'");
            }

            var nested = property.PropertyType;
            if (nested.IsGenericType && nested.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                nested = nested.GetGenericArguments()[0];
                if (described["items"] is JsonObject items && items.ContainsKey("properties"))
                {
                    Describe(items, nested, $"{path}.{key}[]", docs, problems);
                }
            }
            else if (described.ContainsKey("properties"))
            {
                Describe(described, nested, $"{path}.{key}", docs, problems);
            }
        }
    }

    // The doc text as an editor shows it: cref names shortened, <c> kept as text, whitespace collapsed.
    private static string Flatten(XElement summary)
    {
        var text = string.Concat(summary.Nodes().Select(n => n switch
        {
            XElement { Name.LocalName: "see" } see =>
                ((string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? "").Split('.')[^1],
            XElement element => element.Value,
            _ => n.ToString(),
        }));
        return Regex.Replace(System.Net.WebUtility.HtmlDecode(text), @"\s+", " ").Trim();
    }
}
