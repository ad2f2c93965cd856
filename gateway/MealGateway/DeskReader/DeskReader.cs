using System.Device.Spi;
using MealTerminal.Core.Cards;
using MealTerminal.Core.Clock;
using MealTerminal.Drivers.CardReader;

namespace MealGateway.DeskReader;

/// <summary>One card read at the enrolment desk; CardHex is the roster CSV's 卡号 form (upper-case hex, no separators).</summary>
public sealed record DeskTap(string CardHex, int UidLength, bool RandomUid, DateTimeOffset AtUtc);

/// <summary>
/// The enrolment desk's card reader: the terminal's ReaderSupervisor (watchdog, WUPA reselect, random-UID
/// detection) over dotnet/iot's MfRc522 on an SPI device. One Poll is one exchange, never a blocking
/// listen; a read card is halted, so a card left lying on the reader is reported once.
/// </summary>
public sealed class DeskReader : IDisposable
{
    private readonly DeskMfrc522Binding binding;
    private readonly ReaderSupervisor supervisor;
    private readonly TimeProvider time;
    private readonly byte[] uid = new byte[CardKey.MaxUidLength];

    public DeskReader(SpiDevice spi, IClock clock, TimeProvider time)
    {
        binding = new DeskMfrc522Binding(spi);
        supervisor = new ReaderSupervisor(new BindingRc522Port(binding), clock);
        this.time = time;
    }

    public ReaderHealth Health => supervisor.Health;

    /// <summary>A tap (a card, or a random UID that cannot be enrolled), else null.</summary>
    public DeskTap? Poll()
    {
        CardReadStatus status = supervisor.Poll(uid, out int length);
        if (status != CardReadStatus.Card && status != CardReadStatus.RandomUid)
        {
            return null;
        }

        return new DeskTap(Convert.ToHexString(uid, 0, length), length, status == CardReadStatus.RandomUid, time.GetUtcNow());
    }

    public void Dispose() => binding.Dispose();
}
