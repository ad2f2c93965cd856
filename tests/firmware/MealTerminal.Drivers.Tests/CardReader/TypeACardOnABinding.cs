using MealTerminal.Drivers.CardReader;

namespace MealTerminal.Drivers.Tests.CardReader;

/// <summary>
/// The MFRC522 binding with one ISO/IEC 14443-3 type A card in its field, honest about the card's
/// states (6.3): IDLE answers REQA and WUPA; HALT answers only WUPA; READY (and READY* after a
/// WUPA from HALT) accepts anticollision and select, and any other frame sends it back to IDLE
/// (HALT for READY*) without an answer. ListenTypeA behaves like the binding's
/// ListenToCardIso14443TypeA: one REQA, and select only if the card answered it.
/// </summary>
public sealed class TypeACardOnABinding : IMfrc522Binding
{
    private enum State { Idle, Ready, Active, Halt }

    private State _state = State.Idle;
    private bool _fromHalt;
    private int _level;

    public TypeACardOnABinding(byte[] uid) => Uid = uid;

    public byte[] Uid { get; }
    public bool InField { get; set; } = true;
    public bool CorruptBcc { get; set; }
    public int HaltCalls { get; private set; }
    public bool IsHalted => _state == State.Halt;

    public void ResetAndEnableAntenna() { }

    public int VersionMajor() => 2;

    public bool ListenTypeA(byte[] uid, out int length)
    {
        length = 0;
        if (!Short(0x26))
        {
            return false;
        }

        for (var level = 0; ; level++)
        {
            var clUid = CascadeLevelUid(level);
            if (Frame(new byte[] { SelectCode(level), 0x20 }) is null)
            {
                return false;
            }

            var select = new byte[9];
            select[0] = SelectCode(level);
            select[1] = 0x70;
            clUid.CopyTo(select, 2);
            select[6] = Bcc(clUid);
            var crc = CrcA.Compute(select, 0, 7);
            select[7] = (byte)crc;
            select[8] = (byte)(crc >> 8);
            var sak = Frame(select);
            if (sak is null)
            {
                return false;
            }

            var take = clUid[0] == 0x88 ? 3 : 4;
            Array.Copy(clUid, clUid[0] == 0x88 ? 1 : 0, uid, length, take);
            length += take;
            if (take == 4)
            {
                return true;
            }
        }
    }

    /// <summary>A REQA of its own, as IsCardPresent sends it.</summary>
    public bool RequestA() => Short(0x26);

    public Rc522Result Transceive(byte[] send, int sendCount, int validBitsLastByte, byte[] receive, int receiveCount)
    {
        byte[]? answer;
        if (sendCount == 1 && validBitsLastByte == 7)
        {
            answer = Short(send[0]) ? new byte[] { 0x44, 0x00 } : null;
        }
        else
        {
            answer = Frame(send[..sendCount]);
        }

        if (answer is null)
        {
            return Rc522Result.NoCard;
        }

        if (answer.Length != receiveCount)
        {
            return Rc522Result.Error;
        }

        answer.CopyTo(receive, 0);
        return Rc522Result.Card;
    }

    public void Halt()
    {
        HaltCalls++;
        if (_state == State.Active)
        {
            _state = State.Halt;
        }
    }

    private bool Short(byte command)
    {
        if (!InField)
        {
            return false;
        }

        var wake = command == 0x52;
        if (_state == State.Idle || (_state == State.Halt && wake))
        {
            _fromHalt = _state == State.Halt;
            _state = State.Ready;
            _level = 0;
            return true;
        }

        if (_state == State.Ready || _state == State.Active)
        {
            _state = _fromHalt ? State.Halt : State.Idle; // not a frame READY accepts: back, silently
        }

        return false;
    }

    private byte[]? Frame(byte[] frame)
    {
        if (!InField || _state != State.Ready || frame[0] != SelectCode(_level))
        {
            if (_state == State.Ready)
            {
                _state = _fromHalt ? State.Halt : State.Idle;
            }

            return null;
        }

        var clUid = CascadeLevelUid(_level);
        if (frame.Length == 2 && frame[1] == 0x20)
        {
            return [.. clUid, CorruptBcc ? (byte)~Bcc(clUid) : Bcc(clUid)];
        }

        var expectedCrc = CrcA.Compute(frame, 0, 7);
        if (frame.Length != 9 || frame[1] != 0x70 || !frame[2..6].SequenceEqual(clUid) || frame[7] != (byte)expectedCrc || frame[8] != (byte)(expectedCrc >> 8))
        {
            _state = _fromHalt ? State.Halt : State.Idle;
            return null;
        }

        var cascades = clUid[0] == 0x88;
        var sak = new byte[] { (byte)(cascades ? 0x04 : 0x08), 0, 0 };
        var crc = CrcA.Compute(sak, 0, 1);
        sak[1] = (byte)crc;
        sak[2] = (byte)(crc >> 8);
        if (cascades)
        {
            _level++;
        }
        else
        {
            _state = State.Active;
        }

        return sak;
    }

    private static byte SelectCode(int level) => (byte)(0x93 + 2 * level);

    private static byte Bcc(byte[] b) => (byte)(b[0] ^ b[1] ^ b[2] ^ b[3]);

    /// <summary>ISO/IEC 14443-3 6.5.4: a cascade tag 88h and three UID bytes at each level but the last.</summary>
    private byte[] CascadeLevelUid(int level)
    {
        var levels = Uid.Length == 4 ? 1 : Uid.Length == 7 ? 2 : 3;
        if (level < levels - 1)
        {
            return [0x88, Uid[3 * level], Uid[3 * level + 1], Uid[3 * level + 2]];
        }

        return Uid[(3 * level)..(3 * level + 4)];
    }
}
