using System.Text.Encodings.Web;
using System.Text.Json;

namespace MealGateway.Settlement;

/// <summary>The JSON a statement is stored, served and forwarded as: camelCase, Chinese left readable.</summary>
public static class StatementJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Statement statement) => JsonSerializer.Serialize(statement, Options);

    public static Statement Read(string json) => JsonSerializer.Deserialize<Statement>(json, Options)
        ?? throw new InvalidDataException("stored statement is empty");
}
