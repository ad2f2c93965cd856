using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using MealTerminal.Core.Display;

namespace MealTerminal.Core.Tests.Display;

public partial class GlyphTableTests
{
    [Fact]
    public void EveryCharacterInTheCoresMessages_HasAGlyph() // Voice/ holds spoken text, never drawn
    {
        string core = Path.GetFullPath(Path.Combine(Here(), "../../../../firmware/MealTerminal.Core"));
        var missing = new SortedSet<char>();
        foreach (var file in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/Voice/") && !f.EndsWith("GlyphTable.cs")))
        {
            foreach (Match literal in StringLiteral().Matches(File.ReadAllText(file)))
            {
                foreach (char c in literal.Groups[1].Value.Where(c => ScreenRenderer.IndexOf(c) < 0))
                {
                    missing.Add(c);
                }
            }
        }

        Assert.True(missing.Count == 0, $"no glyph for '{string.Concat(missing)}': regenerate Display/GlyphTable.cs (docs/firmware.md)");
    }

    [Fact]
    public void GlyphTable_IsSortedSoBinarySearchFindsEveryCharacter()
    {
        for (int i = 0; i < GlyphTable.Characters.Length; i++)
        {
            Assert.Equal(i, ScreenRenderer.IndexOf(GlyphTable.Characters[i]));
        }
    }

    [Fact]
    public void EveryVerdictTitle_FitsOneLineOfTheDisplay()
    {
        for (int verdict = 1; verdict < MealTerminal.Core.Meals.VerdictCode.Count; verdict++)
        {
            Assert.True(ScreenRenderer.MeasureWidth(VerdictScreens.Title(verdict)) <= FrameBuffer.Width, VerdictScreens.Title(verdict));
            Assert.True(ScreenRenderer.MeasureWidth(VerdictScreens.Hint(verdict)) <= FrameBuffer.Width, VerdictScreens.Hint(verdict));
        }
    }

    [GeneratedRegex("\"((?:[^\"\\\\\\n]|\\\\.)*)\"")]
    private static partial Regex StringLiteral();

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
