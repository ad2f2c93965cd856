using System.IO.Compression;
using System.Text;
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

    public static byte[] Compress(string json)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return packed.ToArray();
    }

    public static string Decompress(byte[] body)
    {
        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// What the county platform receives: the stored statement without its held meals, which are
    /// not payable until an operator approves them (and then appear in the rows).
    /// </summary>
    public static string ForCounty(string json)
    {
        var statement = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        statement.Remove("held");
        statement.Remove("heldTotals");
        return statement.ToJsonString(Options);
    }

    public static Statement Read(string json) => JsonSerializer.Deserialize<Statement>(json, Options)
        ?? throw new InvalidDataException("stored statement is empty");
}
