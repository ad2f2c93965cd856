using System.Device.Spi;

namespace MealGateway.DeskReader;

/// <summary>Finds and opens the desk reader's SPI device, e.g. "spi0.0" for bus 0, chip select 0 (/dev/spidev0.0).</summary>
public static class DeskSpi
{
    public static bool TryParse(string? spec, out int bus, out int chipSelect)
    {
        bus = chipSelect = -1;
        string[] parts = spec is not null && spec.StartsWith("spi", StringComparison.Ordinal) ? spec[3..].Split('.') : [];
        return parts.Length == 2
            && int.TryParse(parts[0], System.Globalization.NumberStyles.None, null, out bus) && bus <= 255
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, null, out chipSelect) && chipSelect <= 255;
    }

    /// <summary>
    /// The SPI device in MFRC522 mode, or null with a one-line Chinese problem when the Linux spidev
    /// node is missing (no reader wired, SPI not enabled, not a Pi) or cannot be opened.
    /// </summary>
    public static SpiDevice? Open(int bus, int chipSelect, string deviceRoot, out string problem)
    {
        string path = Path.Combine(deviceRoot, $"spidev{bus}.{chipSelect}");
        problem = string.Empty;
        if (!File.Exists(path))
        {
            problem = $"找不到 SPI 设备 {path}：请按 hardware/desk-reader.md 接好 MFRC522 读卡器，并用 raspi-config 启用 SPI";
            return null;
        }

        try
        {
            return SpiDevice.Create(DeskMfrc522Binding.Settings(bus, chipSelect));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            problem = $"无法打开 SPI 设备 {path}：{ex.Message}（网关用户需在 spi 组中）";
            return null;
        }
    }
}
