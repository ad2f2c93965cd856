using System.Device.Spi;

namespace MealGateway.Tests.DeskReader;

/// <summary>
/// An MFRC522 register file behind System.Device.Spi's SpiDevice, so dotnet/iot's real MfRc522 runs
/// against it. SPI framing as the datasheet (8.1.2): address byte (reg &lt;&lt; 1, bit 7 = read), the
/// data of a read comes one byte later. Registers, the 64-byte FIFO, the commands Idle, CalcCRC,
/// Transceive and SoftReset, ComIrq/DivIrq with their Set bits, ErrorReg and ControlReg's RxLastBits.
/// Every command completes at once: the chip, not elapsed time, decides each outcome. When no card
/// answers, the timer (armed by TModeReg TAuto) raises TimerIRq, as the binding's settings make it.
/// </summary>
public sealed class EmulatedMfrc522 : SpiDevice
{
    // Registers (datasheet 9.2) and bits the emulation acts on.
    private const int Command = 0x01, ComIrq = 0x04, DivIrq = 0x05, Error = 0x06, FifoData = 0x09, FifoLevel = 0x0A;
    private const int Control = 0x0C, BitFraming = 0x0D, Mode = 0x11, TxControl = 0x14, CrcHigh = 0x21, CrcLow = 0x22;
    private const int TMode = 0x2A, Version = 0x37;
    private const byte Idle = 0x00, CalcCrc = 0x03, Transceive = 0x0C, SoftReset = 0x0F;
    private const byte TxIrq = 0x40, RxIrq = 0x20, ErrIrq = 0x02, TimerIrq = 0x01, CrcIrq = 0x04;
    private const byte BufferOvfl = 0x10, CollErr = 0x08, ProtocolErr = 0x01;

    private readonly byte[] registers = new byte[64];
    private readonly List<byte> fifo = [];
    private readonly SpiConnectionSettings settings;
    private byte? mutedReads;

    public EmulatedMfrc522(RfField field, SpiConnectionSettings? settings = null)
    {
        Field = field;
        this.settings = settings ?? new SpiConnectionSettings(0, 0);
        Reset();
    }

    public RfField Field { get; }

    public override SpiConnectionSettings ConnectionSettings => settings;

    /// <summary>Frames the chip sent to cards, as the card saw them (for tests that check what went out).</summary>
    public List<byte[]> Sent { get; } = [];

    public bool Disposed { get; private set; }

    /// <summary>A hung chip or a broken wire: every read gives this value (0x00 or 0xFF) and writes are lost.</summary>
    public void StopAnswering(byte readsAs) => mutedReads = readsAs;

    public void Recover()
    {
        mutedReads = null;
        Unplugged = false;
    }

    /// <summary>The spidev node is gone (the module unplugged, the bus driver unloaded): every transfer throws.</summary>
    public bool Unplugged { get; set; }

    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        if (Unplugged)
        {
            throw new IOException("Error 19 performing SPI data transfer.");
        }

        byte[] sent = writeBuffer.ToArray(); // the binding passes one buffer as both
        if (sent.Length == 0)
        {
            return;
        }

        bool read = (sent[0] & 0x80) != 0;
        int address = (sent[0] >> 1) & 0x3F;
        byte next = 0;
        for (int i = 0; i < sent.Length; i++)
        {
            byte answer = next;
            if (read)
            {
                // Each address byte clocks out the previous one's data; a final 00h only ends the read.
                next = (sent[i] & 0x80) != 0 ? ReadRegister((sent[i] >> 1) & 0x3F) : (byte)0;
            }
            else if (i > 0)
            {
                WriteRegister(address, sent[i]);
            }

            if (i < readBuffer.Length)
            {
                readBuffer[i] = answer;
            }
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer) => TransferFullDuplex(buffer, new byte[buffer.Length]);

    public override void WriteByte(byte value) => Write([value]);

    public override void Read(Span<byte> buffer) => buffer.Clear();

    public override byte ReadByte() => 0;

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }

    private byte ReadRegister(int address)
    {
        if (mutedReads is { } value)
        {
            return value;
        }

        switch (address)
        {
            case FifoData:
                if (fifo.Count == 0)
                {
                    return 0;
                }

                byte first = fifo[0];
                fifo.RemoveAt(0);
                return first;
            case FifoLevel:
                return (byte)fifo.Count;
            default:
                return registers[address];
        }
    }

    private void WriteRegister(int address, byte value)
    {
        if (mutedReads is not null)
        {
            return;
        }

        switch (address)
        {
            case Command:
                registers[Command] = (byte)(value & 0x3F);
                RunCommand((byte)(value & 0x0F));
                break;
            case ComIrq:
            case DivIrq:
                // Bit 7 (Set1/Set2): 1 sets the marked bits, 0 clears them (datasheet 9.3.1.4, 9.3.1.5).
                registers[address] = (value & 0x80) != 0 ? (byte)(registers[address] | (value & 0x7F)) : (byte)(registers[address] & ~value);
                break;
            case FifoData:
                if (fifo.Count < 64)
                {
                    fifo.Add(value);
                }
                else
                {
                    registers[Error] |= BufferOvfl;
                }

                break;
            case FifoLevel:
                if ((value & 0x80) != 0)
                {
                    fifo.Clear();
                    registers[Error] &= unchecked((byte)~BufferOvfl);
                }

                break;
            case BitFraming:
                registers[BitFraming] = (byte)(value & 0x7F); // StartSend is a trigger, not kept
                if ((value & 0x80) != 0 && (registers[Command] & 0x0F) == Transceive)
                {
                    RunTransceive();
                }

                break;
            case Error:
            case Version:
                break; // read-only
            default:
                registers[address] = value;
                break;
        }
    }

    private void RunCommand(byte command)
    {
        if (command == SoftReset)
        {
            Reset();
        }
        else if (command == CalcCrc)
        {
            // ModeReg CRCPreset (bits 1..0): 00 0000h, 01 6363h, 10 A671h, 11 FFFFh (datasheet 9.3.2.2).
            int preset = (registers[Mode] & 0x03) switch { 0 => 0x0000, 1 => 0x6363, 2 => 0xA671, _ => 0xFFFF };
            ushort crc = Crc(fifo.ToArray(), preset);
            fifo.Clear();
            registers[CrcLow] = (byte)crc;
            registers[CrcHigh] = (byte)(crc >> 8);
            registers[DivIrq] |= CrcIrq;
        }
    }

    private void RunTransceive()
    {
        byte[] frame = fifo.ToArray();
        fifo.Clear();
        registers[Error] = 0;
        registers[ComIrq] |= TxIrq;
        int lastBits = registers[BitFraming] & 0x07;
        Sent.Add(frame);
        bool antennaOn = (registers[TxControl] & 0x03) == 0x03;
        CardAnswer answer = antennaOn ? Field.Exchange(frame, lastBits == 0 ? 8 : lastBits) : CardAnswer.Silence;
        if (answer.Kind == AnswerKind.Silence)
        {
            if ((registers[TMode] & 0x80) != 0)
            {
                registers[ComIrq] |= TimerIrq; // the card-side timer ran out
            }

            return;
        }

        fifo.AddRange(answer.Bytes);
        registers[Control] = (byte)(registers[Control] & ~0x07); // RxLastBits: whole bytes
        registers[ComIrq] |= RxIrq;
        if (answer.Kind != AnswerKind.Frame)
        {
            registers[Error] = answer.Kind == AnswerKind.Collision ? CollErr : ProtocolErr;
            registers[ComIrq] |= ErrIrq;
        }
    }

    private void Reset()
    {
        Array.Clear(registers);
        fifo.Clear();
        registers[Command] = 0x20;
        registers[ComIrq] = 0x14;
        registers[Mode] = 0x3F;
        registers[TxControl] = 0x80; // antenna off after reset
        registers[Version] = 0x92;
    }

    internal static ushort Crc(byte[] data, int preset)
    {
        int crc = preset;
        foreach (byte b in data)
        {
            int ch = (b ^ crc) & 0xFF;
            ch = (ch ^ (ch << 4)) & 0xFF;
            crc = ((crc >> 8) ^ (ch << 8) ^ (ch << 3) ^ (ch >> 4)) & 0xFFFF;
        }

        return (ushort)crc;
    }
}
