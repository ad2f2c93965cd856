using System.Device.Spi;
using Iot.Device.Mfrc522;
using MealTerminal.Drivers.CardReader;

namespace MealGateway.DeskReader;

/// <summary>
/// The drivers' reader port over dotnet/iot's MfRc522 (Iot.Device.Bindings 4.2.0) on System.Device.Spi,
/// so the terminal's ReaderSupervisor (watchdog, WUPA reselect, random-UID refusal) runs at the desk too.
/// The binding's constructor is its only way to write the timer and modulation defaults, so a reset
/// soft-resets the chip and builds a fresh binding over the same SPI device. Nothing touches the SPI
/// bus before the supervisor's first reset, whose failures it catches and retries.
/// </summary>
public sealed class DeskMfrc522Binding : IMfrc522Binding, IDisposable
{
    private readonly SpiDevice spi;
    private MfRc522? chip;

    public DeskMfrc522Binding(SpiDevice spi)
    {
        this.spi = spi;
    }

    /// <summary>SPI mode and clock the MFRC522 needs (datasheet 8.1.2: mode 0, at most 10 MHz).</summary>
    public static SpiConnectionSettings Settings(int bus, int chipSelect) => new(bus, chipSelect)
    {
        Mode = MfRc522.DefaultSpiMode,
        ClockFrequency = 1_000_000,
    };

    public void ResetAndEnableAntenna()
    {
        (chip ?? new MfRc522(spi, shouldDispose: false)).SoftReset();
        chip = new MfRc522(spi, shouldDispose: false); // timer, TxASK, CRC preset, antenna on
    }

    public int VersionMajor() => Chip.Version.Major;

    public bool ListenTypeA(byte[] uid, out int length)
    {
        length = 0;

        // TimeSpan.Zero: one REQA; the chip's own timer (TModeReg TAuto) ends the wait when no card answers.
        if (!Chip.ListenToCardIso14443TypeA(out var card, TimeSpan.Zero) || card.NfcId.Length > uid.Length)
        {
            return false;
        }

        card.NfcId.CopyTo(uid, 0);
        length = card.NfcId.Length;
        return true;
    }

    public Rc522Result Transceive(byte[] send, int sendCount, int validBitsLastByte, byte[] receive, int receiveCount) =>
        Chip.SendAndReceiveData(MfrcCommand.Transceive, send.AsSpan(0, sendCount), receive.AsSpan(0, receiveCount), (byte)validBitsLastByte) switch
        {
            Status.Ok => Rc522Result.Card,
            Status.Collision => Rc522Result.Collision,
            Status.Timeout => Rc522Result.NoCard,
            _ => Rc522Result.Error,
        };

    public void Halt() => Chip.Halt();

    public void Dispose()
    {
        if (chip is not null)
        {
            chip.Dispose(); // antenna off, SPI device closed
        }
        else
        {
            spi.Dispose();
        }
    }

    private MfRc522 Chip => chip ?? throw new InvalidOperationException("the reader was never reset");
}
