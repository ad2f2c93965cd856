using MealTerminal.Core.Display;

namespace MealTerminal.Simulator.Adapters;

/// <summary>The display as text: keeps the last screen and optionally prints each one.</summary>
public sealed class TextFeedback(Action<Screen>? print = null) : IFeedback
{
    public Screen? Last { get; private set; }

    public int Shown { get; private set; }

    public void Show(Screen screen)
    {
        Last = screen;
        Shown++;
        print?.Invoke(screen);
    }

    public static string OneLine(Screen s) =>
        string.Join(" | ", new[] { s.Line1, s.Line2, s.Line3, s.Line4 }.Where(l => l.Length > 0));
}
