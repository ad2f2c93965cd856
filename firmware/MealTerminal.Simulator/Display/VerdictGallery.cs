using MealTerminal.Core.Display;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;

namespace MealTerminal.Simulator.Display;

/// <summary>
/// Every verdict screen as an elder sees it, with a representative period, category and (masked)
/// name, and the host review pages of a sample day, for the snapshot tests and for docs/screens:
/// on the 128x64 SSD1306 and on the 320x240 colour panel.
/// </summary>
public static class VerdictGallery
{
    /// <summary>王＊英 in GB2312, as a roster masked by the county rule carries it.</summary>
    public static readonly byte[] SampleName = [0xCD, 0xF5, 0xA3, 0xAA, 0xD3, 0xA2];

    public static IEnumerable<(int Verdict, string Name, Screen Screen)> Screens()
    {
        for (int verdict = 1; verdict < VerdictCode.Count; verdict++)
        {
            bool withElder = verdict is VerdictCode.Accepted or VerdictCode.AcceptedStorageLow or VerdictCode.AlreadyEaten;
            var screen = new Screen();
            VerdictScreens.Render(screen, verdict, verdict == VerdictCode.TapAgain || verdict == VerdictCode.RandomUid ? string.Empty : "午餐",
                withElder ? ElderCategory.ChineseName(ElderCategory.VeryOld) : string.Empty);
            if (withElder)
            {
                VerdictScreens.SetName(screen, SampleName, SampleName.Length);
            }

            if (VerdictCode.IsMeal(verdict))
            {
                screen.Line4 = "请付 5.00 元";
            }

            yield return (verdict, $"verdict-{verdict:D2}", screen);
        }
    }

    /// <summary>The host review pages after a sample lunch: 23 meals, a repeat tap, an unknown card, 4 records to upload.</summary>
    public static IEnumerable<(int Page, string Name, Screen Screen)> ReviewPages()
    {
        var config = new TerminalConfig("S01", "T01", TerminalConfig.DefaultPeriods());
        var flash = new RamFlash(8, 4096, 256);
        var state = new StateLog(flash, 0);
        state.Mount();
        var ledger = new MealLedger(flash, state, 2, 6);
        ledger.Mount();
        var today = new DayCounts();
        int day = LocalTime.LocalDay(LocalTime.ToRecordSeconds(new DateTime(2026, 3, 2, 4, 0, 0, DateTimeKind.Utc)), config.UtcOffsetMinutes);
        today.Reset(day);
        var record = new MealRecord { Period = 1, ClockValid = true, Time = LocalTime.ToRecordSeconds(new DateTime(2026, 3, 2, 4, 0, 0, DateTimeKind.Utc)) };
        for (int i = 0; i < 26; i++)
        {
            record.Verdict = i < 23 ? VerdictCode.Accepted : i == 23 ? VerdictCode.AlreadyEaten : VerdictCode.UnknownCard;
            record.ElderId = (uint)(1001 + i);
            record.Category = (i * 5) % 4;
            today.Add(record);
            if (i >= 22)
            {
                ledger.Append(record);
            }
        }

        uint lastSync = LocalTime.ToRecordSeconds(new DateTime(2026, 3, 2, 3, 45, 0, DateTimeKind.Utc));
        for (int page = 0; page < HostReview.PageCount; page++)
        {
            var screen = new Screen();
            HostReview.Render(screen, page, config, today, ledger, lastSync, identityConflict: false);
            yield return (page + 1, $"review-{page + 1}", screen);
        }
    }

    public static IEnumerable<(string Name, string Alt, Screen Screen)> All() =>
        Screens().Select(s => (s.Name, s.Screen.Line1, s.Screen)).Concat(ReviewPages().Select(r => (r.Name, r.Screen.Line1, r.Screen)));

    /// <summary>The colour panel showing a screen in the shipped font image.</summary>
    public static ColourPanel Colour(Screen screen, ColourScreenRenderer renderer)
    {
        var panel = new ColourPanel();
        renderer.Render(screen, panel);
        return panel;
    }

    /// <summary>Writes a PNG per screen and display and an index page into a folder (docs/screens).</summary>
    public static void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var index = new List<string>
        {
            "# Screens", string.Empty,
            "What the terminal shows, on both displays: the 128x64 SSD1306 (rendered from the same frame buffer the device sends it)",
            "and the 320x240 colour panel (ILI9341 / ST7789, drawn through the same IPanel calls the device sends over SPI, in the",
            "shipped font image firmware/Fonts). Green with a check mark: the meal counts; red with a cross: refused; amber with an",
            "exclamation mark: tap again; blue: the host review. The name is as a county that masks names sends it.",
            "Regenerate with `dotnet run --project firmware/MealTerminal.Simulator -- screens docs/screens`.", string.Empty,
            "| screen | 128x64 | 320x240 |", "| --- | --- | --- |",
        };
        var frame = new FrameBuffer();
        var renderer = new ColourScreenRenderer();
        renderer.Text.Font = ShippedFont.Load();
        var names = new MonoNamePainter { Font = renderer.Text.Font };
        foreach (var (name, alt, screen) in All())
        {
            ScreenRenderer.Render(screen, frame, names);
            File.WriteAllBytes(Path.Combine(folder, name + ".png"), FramePictures.ToPng(frame));
            File.WriteAllBytes(Path.Combine(folder, "colour-" + name + ".png"), Colour(screen, renderer).ToPng());
            string what = name.StartsWith("verdict", StringComparison.Ordinal) ? $"verdict {int.Parse(name[8..])}" : $"host review page {name[7..]}";
            index.Add($"| {what} | ![{alt}]({name}.png) | ![{alt}](colour-{name}.png) |");
        }

        File.WriteAllLines(Path.Combine(folder, "README.md"), index);
    }
}
