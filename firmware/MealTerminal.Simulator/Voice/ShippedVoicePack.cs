namespace MealTerminal.Simulator.Voice;

/// <summary>The Mandarin voice pack the repo ships (firmware/VoicePacks, made by MealTerminal.VoiceGen), copied next to the simulator.</summary>
public static class ShippedVoicePack
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "VoicePacks", "mandarin-espeak.vpk");

    public static byte[] Read() => File.ReadAllBytes(Path);
}
