using MealTerminal.Core.Display;

namespace MealTerminal.Core.Tests.Fakes;

/// <summary>Remembers every verdict shown, in order.</summary>
public sealed class RecordingFeedback : IFeedback
{
    public List<int> Verdicts { get; } = new();

    public List<string> Titles { get; } = new();

    public List<string[]> Lines { get; } = new();

    /// <summary>The name each screen showed, as GB2312 bytes (empty when none).</summary>
    public List<byte[]> Names { get; } = new();

    public void Show(Screen screen)
    {
        Verdicts.Add(screen.Verdict);
        Titles.Add(screen.Line1);
        Lines.Add(new[] { screen.Line1, screen.Line2, screen.Line3, screen.Line4 });
        Names.Add(screen.Name[..screen.NameLength]);
    }
}
