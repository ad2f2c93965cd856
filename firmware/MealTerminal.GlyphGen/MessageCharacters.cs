using System.Text.RegularExpressions;

namespace MealTerminal.GlyphGen;

/// <summary>
/// The characters the terminal can show: every character inside a string literal of the core's
/// sources, plus printable ASCII (digits and letters appear in counts and prices at run time).
/// </summary>
public static partial class MessageCharacters
{
    public static SortedSet<char> Collect(string sourceFolder)
    {
        var set = new SortedSet<char>();
        for (char c = ' '; c <= '~'; c++)
        {
            set.Add(c);
        }

        foreach (var file in Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains("/bin/") || file.Contains("/obj/") || file.Contains("/Voice/") || file.EndsWith("GlyphTable.cs"))
            {
                continue;
            }

            foreach (Match literal in StringLiteral().Matches(File.ReadAllText(file)))
            {
                foreach (char c in literal.Groups[1].Value)
                {
                    if (c > '~')
                    {
                        set.Add(c);
                    }
                }
            }
        }

        return set;
    }

    [GeneratedRegex("\"((?:[^\"\\\\\\n]|\\\\.)*)\"")]
    private static partial Regex StringLiteral();
}
