namespace MealGateway;

/// <summary>
/// The one rule for site, terminal and operator ids, checked wherever an id enters the gateway
/// (HTTP routes, command line, MQTT topics, roster, config and policy files): ASCII letters,
/// digits, '.', '_' and '-', starting with a letter or digit, at most 32 characters. Such an id
/// is a safe MQTT topic level, file name part, URL segment and LiteDB key (docs/security.md).
/// </summary>
public static class IdRule
{
    public const int MaxLength = 32;

    public static bool IsValid(string? id)
    {
        if (id is null || id.Length is 0 or > MaxLength || !char.IsAsciiLetterOrDigit(id[0]))
        {
            return false;
        }

        foreach (char c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The Chinese error for a refused id, or null when it is valid. "what" names it: 站点编号, 终端编号...</summary>
    public static string? Problem(string? id, string what) => IsValid(id)
        ? null
        : $"{what} '{Shown(id)}' 无效：只能用字母、数字和 . _ -，以字母或数字开头，最多 {MaxLength} 个字符";

    /// <summary>The refused id as it may be echoed: control characters escaped, cut after 40 characters.</summary>
    public static string Shown(string? id)
    {
        if (id is null)
        {
            return string.Empty;
        }

        var text = new System.Text.StringBuilder();
        foreach (char c in id.Length > 40 ? id[..40] : id)
        {
            text.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return id.Length > 40 ? $"{text}…（共 {id.Length} 个字符）" : text.ToString();
    }
}
