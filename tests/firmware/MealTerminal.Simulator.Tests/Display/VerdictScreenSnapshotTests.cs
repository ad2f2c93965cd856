using System.Runtime.CompilerServices;
using MealTerminal.Core.Display;
using MealTerminal.Simulator.Display;

namespace MealTerminal.Simulator.Tests.Display;

/// <summary>
/// Every verdict screen and host review page, rendered to the frame buffer, must match its reviewed
/// snapshot in Snapshots/ (text art of the 128x64 pixels), the name drawn from the shipped font image
/// as a terminal with a W25Q128 draws it. After an intended change, run the tests
/// with UPDATE_SNAPSHOTS=1, review the diff of the .txt files and the PNGs in docs/screens, commit.
/// </summary>
public class VerdictScreenSnapshotTests
{
    private static readonly MonoNamePainter Names = new() { Font = ShippedFont.Load() };

    public static IEnumerable<object[]> Verdicts() => VerdictGallery.All().Select(s => new object[] { s.Name });

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void VerdictScreen_MatchesItsReviewedSnapshot(string name)
    {
        var screen = VerdictGallery.All().Single(s => s.Name == name).Screen;
        var frame = new FrameBuffer();
        ScreenRenderer.Render(screen, frame, Names);
        string actual = FramePictures.ToText(frame);
        string path = Path.Combine(SnapshotFolder(), name + ".txt");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"no reviewed snapshot {path}; run with UPDATE_SNAPSHOTS=1 and review it");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    [Fact]
    public void FramePng_IsAValidPngOfTheScaledDisplay()
    {
        var png = FramePictures.ToPng(new FrameBuffer(), scale: 2);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.Equal(256, (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]);
    }

    private static string SnapshotFolder([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "Snapshots");
}
