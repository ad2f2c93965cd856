using System.Globalization;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace MealGateway.Tests.County;

/// <summary>
/// docs/county-api.openapi.yaml as a county integrator loads it, and a checker for the subset of
/// OpenAPI 3.0 schema it uses (type, required, properties, items, enum, minimum, maximum,
/// nullable, $ref). Stricter than OpenAPI on one point: a property the schema does not declare is
/// a problem, so the gateway cannot send fields the county was never told of.
/// </summary>
public sealed class OpenApiSchema
{
    private readonly YamlMappingNode root;

    public OpenApiSchema(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        root = (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static string DocsPath([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "../../../../docs/county-api.openapi.yaml"));

    public YamlMappingNode Operation(string path, string method) => (YamlMappingNode)Map(Map(root, "paths"), path)[method];

    /// <summary>Header names the operation requires: its required header parameters and its security schemes' headers.</summary>
    public IReadOnlyList<string> RequiredHeaders(YamlMappingNode operation)
    {
        var headers = new List<string>();
        if (operation.Children.TryGetValue("parameters", out var parameters))
        {
            headers.AddRange(((YamlSequenceNode)parameters).Cast<YamlMappingNode>()
                .Where(p => Text(p, "in") == "header" && Text(p, "required") == "true").Select(p => Text(p, "name")!));
        }

        var schemes = Map(Map(root, "components"), "securitySchemes");
        foreach (var requirement in ((YamlSequenceNode)operation["security"]).Cast<YamlMappingNode>())
        {
            headers.AddRange(requirement.Children.Keys.Select(k => Text(Map(schemes, ((YamlScalarNode)k).Value!), "name")!));
        }

        return headers;
    }

    public YamlNode RequestSchema(YamlMappingNode operation) =>
        Map(Map(Map(Map(operation, "requestBody"), "content"), "application/json"), "schema");

    public void Check(YamlNode schema, JsonElement value, string at, List<string> problems)
    {
        var s = (YamlMappingNode)schema;
        if (Text(s, "$ref") is { } reference)
        {
            var target = root;
            foreach (string part in reference.TrimStart('#', '/').Split('/'))
            {
                target = Map(target, part);
            }

            Check(target, value, at, problems);
            return;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (Text(s, "nullable") != "true")
            {
                problems.Add($"{at}: null, not nullable");
            }

            return;
        }

        string? type = Text(s, "type");
        switch (type)
        {
            case "object" when value.ValueKind == JsonValueKind.Object:
                var properties = s.Children.TryGetValue("properties", out var p) ? (YamlMappingNode)p : new YamlMappingNode();
                foreach (var required in s.Children.TryGetValue("required", out var r) ? ((YamlSequenceNode)r).Select(n => ((YamlScalarNode)n).Value!) : [])
                {
                    if (!value.TryGetProperty(required, out _))
                    {
                        problems.Add($"{at}.{required}: required, missing");
                    }
                }

                foreach (var property in value.EnumerateObject())
                {
                    if (properties.Children.TryGetValue(property.Name, out var propertySchema))
                    {
                        Check(propertySchema, property.Value, $"{at}.{property.Name}", problems);
                    }
                    else
                    {
                        problems.Add($"{at}.{property.Name}: not declared in the schema");
                    }
                }

                break;
            case "array" when value.ValueKind == JsonValueKind.Array:
                int i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(s["items"], item, $"{at}[{i++}]", problems);
                }

                break;
            case "string" when value.ValueKind == JsonValueKind.String:
                if (s.Children.TryGetValue("enum", out var values) && !((YamlSequenceNode)values).Any(v => ((YamlScalarNode)v).Value == value.GetString()))
                {
                    problems.Add($"{at}: '{value.GetString()}' not in the enum");
                }

                break;
            case "integer" when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n):
                if (Text(s, "minimum") is { } min && n < long.Parse(min, CultureInfo.InvariantCulture) || Text(s, "maximum") is { } max && n > long.Parse(max, CultureInfo.InvariantCulture))
                {
                    problems.Add($"{at}: {n} out of range");
                }

                break;
            case "number" when value.ValueKind == JsonValueKind.Number:
                break;
            default:
                problems.Add($"{at}: {value.ValueKind} where the schema says {type}");
                break;
        }
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
