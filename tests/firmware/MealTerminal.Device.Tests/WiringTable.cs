using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace MealTerminal.Device.Tests;

/// <summary>The pin rows of hardware/wiring.md: constant name to GPIO number.</summary>
public static partial class WiringTable
{
    public static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(RepositoryRoot(), relativePath));

    public static Dictionary<string, int> Parse(string markdown)
    {
        var pins = new Dictionary<string, int>();
        foreach (Match row in PinRow().Matches(markdown))
        {
            string name = row.Groups["name"].Value;
            Assert.False(pins.ContainsKey(name), $"wiring.md lists {name} twice");
            pins[name] = int.Parse(row.Groups["gpio"].Value);
        }

        return pins;
    }

    /// <summary>Every PinMap constant, read by reflection from the compiled file.</summary>
    public static Dictionary<string, int> FromPinMap() =>
        typeof(PinMap).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);

    [GeneratedRegex(@"^\|\s*(?<name>[A-Z][A-Za-z0-9]*)\s*\|\s*GPIO(?<gpio>\d+)\s*\|", RegexOptions.Multiline)]
    private static partial Regex PinRow();
}
