using System.CommandLine;

namespace MealGateway.DeskReader;

/// <summary>
/// `enrol-reader [--spi-bus 0 --chip-select 0]`: prints each card tapped on the desk reader as the
/// roster CSV's 卡号, until Ctrl+C. Needs no database, so it runs beside a running gateway too
/// (but not while that gateway itself uses the same reader).
/// </summary>
public static class EnrolReaderCommand
{
    public static Command Build()
    {
        var bus = new Option<int>("--spi-bus") { Description = "SPI bus of the MFRC522 (the Pi's SPI0 is 0)", DefaultValueFactory = _ => 0 };
        var chipSelect = new Option<int>("--chip-select") { Description = "Chip select line (CE0 is 0, CE1 is 1)", DefaultValueFactory = _ => 0 };
        var devices = new Option<string>("--device-root") { Description = "Where the spidev nodes are", DefaultValueFactory = _ => "/dev", Hidden = true };
        var command = new Command("enrol-reader", "Print the 卡号 of each card tapped on the enrolment desk's MFRC522 reader (Ctrl+C stops)") { bus, chipSelect, devices };
        command.SetAction(async (parse, cancel) =>
        {
            var spi = DeskSpi.Open(parse.GetValue(bus), parse.GetValue(chipSelect), parse.GetValue(devices)!, out string problem);
            if (spi is null)
            {
                Console.Error.WriteLine($"错误：{problem}");
                return 2;
            }

            var reader = new DeskReader(spi, new DeskClock(TimeProvider.System), TimeProvider.System);
            using var loop = new DeskReaderLoop(reader, Print, healthy => Console.Error.WriteLine(healthy
                ? "读卡器就绪，请刷卡（Ctrl+C 退出）"
                : "错误：读卡器没有应答（版本寄存器读出 00 或 FF），请检查接线和 3.3 V 供电；正在重试"));
            try
            {
                await Task.Delay(Timeout.Infinite, cancel);
            }
            catch (OperationCanceledException)
            {
            }

            return 0;
        });
        return command;
    }

    /// <summary>One line per tap: the 卡号 ready to paste into the roster CSV, or why it cannot be used.</summary>
    public static string Line(DeskTap tap) => tap.RandomUid
        ? $"随机卡号 {tap.CardHex}：手机或随机 UID 卡每次刷卡号码都不同，不能登记"
        : $"卡号 {tap.CardHex}（{tap.UidLength} 字节）";

    private static void Print(DeskTap tap) => Console.WriteLine(Line(tap));
}
