using System.Text;
using MealTerminal.Core.Roster;

namespace MealGateway.Downloads;

/// <summary>How a county wants elders' names on the terminal screen (one gateway serves one county).</summary>
public enum NameDisplay
{
    /// <summary>王*英: surname and last character kept, the rest replaced by ＊ (the default: the screen faces the queue).</summary>
    Masked = 0,

    /// <summary>The whole name.</summary>
    Full = 1,

    /// <summary>No name on the screen; the roster image stays format 1.</summary>
    Hidden = 2,
}

/// <summary>
/// The optional 姓名 column of a roster: masked as the county rule says, here at the gateway when
/// the image is built, so a full name never leaves the gateway when the county masks; then encoded
/// in GB2312, the code the terminal's font image is indexed by. A character outside GB2312 becomes
/// □ (GB2312 A1F5), so the elder still sees a name with a visible gap rather than a refused roster.
/// </summary>
public static class RosterNames
{
    private static readonly string[] DisplayNames = ["遮挡", "全名", "不显示"];
    private static readonly Encoding Gb2312 = LoadGb2312();

    /// <summary>Reads "遮挡", "全名" or "不显示" (or masked, full, hidden).</summary>
    public static bool TryParseDisplay(string text, out NameDisplay display)
    {
        int i = Array.IndexOf(DisplayNames, text);
        i = i >= 0 ? i : Array.IndexOf(["masked", "full", "hidden"], text.ToLowerInvariant());
        display = (NameDisplay)Math.Max(i, 0);
        return i >= 0;
    }

    public static string DisplayName(NameDisplay display) => DisplayNames[(int)display];

    /// <summary>王秀英 → 王＊英, 王英 → 王＊, 欧阳秀英 → 欧＊＊英; one character stays as it is.</summary>
    public static string Mask(string name)
    {
        var chars = name.EnumerateRunes().Select(r => r.ToString()).ToArray();
        if (chars.Length <= 1)
        {
            return name;
        }

        return chars.Length == 2 ? chars[0] + "＊" : chars[0] + new string('＊', chars.Length - 2) + chars[^1];
    }

    /// <summary>Puts the name, as shown under the rule, into the entry; a problem in Chinese, or null.</summary>
    public static string? Read(string text, NameDisplay display, RosterEntry entry)
    {
        entry.NameLength = 0;
        string name = text.Trim();
        if (name.Length == 0 || display == NameDisplay.Hidden)
        {
            return null;
        }

        if (name.Any(char.IsControl))
        {
            return $"姓名 '{name}' 含有控制字符";
        }

        var shown = display == NameDisplay.Masked ? Mask(name) : name;
        var bytes = ToGb2312(shown);
        if (bytes.Length > RosterFormat.MaxNameBytes)
        {
            return $"姓名 '{name}' 过长 (最多 {RosterFormat.MaxNameBytes / 2} 个汉字)";
        }

        bytes.CopyTo(entry.Name, 0);
        entry.NameLength = bytes.Length;
        return null;
    }

    /// <summary>A name as a roster image carries it (GB2312, already shown as the county's rule says) back to text; "" when unreadable.</summary>
    public static string Decode(byte[] bytes, int offset, int length)
    {
        try
        {
            return Gb2312.GetString(bytes, offset, length);
        }
        catch (DecoderFallbackException)
        {
            return string.Empty;
        }
    }

    /// <summary>Name bytes beyond what a terminal's roster slot budgets (RosterFormat.NameBudgetPerEntry per elder), or null.</summary>
    public static string? BudgetProblem(IReadOnlyCollection<RosterEntry> entries, int maxEntries)
    {
        long bytes = entries.Sum(e => (long)e.NameLength);
        long budget = (long)RosterFormat.SlotBytesWithNames(maxEntries) - RosterFormat.NameBytesOffset(entries.Count);
        return bytes > budget ? $"姓名共 {bytes} 字节, 超过终端名册能容纳的 {budget} 字节" : null;
    }

    /// <summary>
    /// EUC-CN bytes. .NET's code page 936 is GBK, a superset: a character it encodes outside GB2312's
    /// two bytes of 0xA1..0xFE (such as 堃) is replaced by □ like one it cannot encode at all.
    /// </summary>
    private static byte[] ToGb2312(string text)
    {
        var bytes = new List<byte>();
        foreach (var rune in text.EnumerateRunes())
        {
            var one = Gb2312.GetBytes(rune.ToString());
            bool euc = (one.Length == 1 && one[0] < 0x80) || (one.Length == 2 && one[0] >= 0xA1 && one[1] >= 0xA1 && one[0] != 0xFF && one[1] != 0xFF);
            bytes.AddRange(euc ? one : [0xA1, 0xF5]);
        }

        return bytes.ToArray();
    }

    private static Encoding LoadGb2312()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB2312", new EncoderReplacementFallback("□"), DecoderFallback.ExceptionFallback);
    }
}
