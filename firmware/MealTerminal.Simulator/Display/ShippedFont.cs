using MealTerminal.Core.Flash;
using MealTerminal.Core.Fonts;
using MealTerminal.Core.Ledger;

namespace MealTerminal.Simulator.Display;

/// <summary>The font image the repository ships (firmware/Fonts, made by MealTerminal.GlyphGen), installed on an in-RAM chip.</summary>
public static class ShippedFont
{
    public const string RelativePath = "firmware/Fonts/gb2312-24-32.fnt";

    /// <summary>The image file, found from the working directory or the program's folder upwards.</summary>
    public static string ImagePath()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string path = Path.Combine(dir.FullName, RelativePath);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        throw new FileNotFoundException($"{RelativePath} not found above {Directory.GetCurrentDirectory()}");
    }

    public static FontSlot Load()
    {
        var image = File.ReadAllBytes(ImagePath());
        var flash = new RamFlash(2 + (2 * ((image.Length / 4096) + 1)), 4096, 256);
        var state = new StateLog(flash, 0);
        state.Mount();
        var store = new FontStore(flash, state, 2, (image.Length / 4096) + 1);
        store.Mount();
        if (!store.Install(image))
        {
            throw new InvalidDataException($"{RelativePath} failed its check");
        }

        return store.Active!;
    }
}
