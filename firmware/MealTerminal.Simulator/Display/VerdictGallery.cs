using MealTerminal.Core.Display;
using MealTerminal.Core.Meals;

namespace MealTerminal.Simulator.Display;

/// <summary>
/// Every verdict screen as an elder sees it, with a representative period and category, for the
/// snapshot tests and for docs/screens.
/// </summary>
public static class VerdictGallery
{
    public static IEnumerable<(int Verdict, string Name, Screen Screen)> Screens()
    {
        for (int verdict = 1; verdict < VerdictCode.Count; verdict++)
        {
            bool withElder = verdict is VerdictCode.Accepted or VerdictCode.AcceptedStorageLow or VerdictCode.AlreadyEaten;
            var screen = new Screen();
            VerdictScreens.Render(screen, verdict, verdict == VerdictCode.TapAgain || verdict == VerdictCode.RandomUid ? string.Empty : "午餐",
                withElder ? ElderCategory.ChineseName(ElderCategory.VeryOld) : string.Empty);
            yield return (verdict, $"verdict-{verdict:D2}", screen);
        }
    }

    /// <summary>Writes a PNG per screen and an index page into a folder (docs/screens).</summary>
    public static void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var index = new List<string> { "# Verdict screens", string.Empty, "What the 128x64 display shows for each verdict (rendered by the simulator from the same frame buffer the device sends to the SSD1306). Regenerate with `dotnet run --project firmware/MealTerminal.Simulator -- screens docs/screens`.", string.Empty, "| code | screen |", "| ---: | --- |" };
        var frame = new FrameBuffer();
        foreach (var (verdict, name, screen) in Screens())
        {
            ScreenRenderer.Render(screen, frame);
            File.WriteAllBytes(Path.Combine(folder, name + ".png"), FramePictures.ToPng(frame));
            index.Add($"| {verdict} | ![{screen.Line1}]({name}.png) |");
        }

        File.WriteAllLines(Path.Combine(folder, "README.md"), index);
    }
}
