namespace MealGateway.Tests.DeskReader;

public enum AnswerKind { Silence, Frame, Collision, ProtocolError }

/// <summary>What the field gave back for one frame: nothing, a frame, a collision, or a garbled frame.</summary>
public sealed record CardAnswer(AnswerKind Kind, byte[] Bytes)
{
    public static readonly CardAnswer Silence = new(AnswerKind.Silence, []);
}

/// <summary>The RF field in front of the reader: at most one card, which can arrive and leave.</summary>
/// <remarks>Thread-safe: a gateway's desk loop polls while the test places and removes cards.</remarks>
public sealed class RfField
{
    private readonly Lock gate = new();
    private EmulatedCard? card;

    public EmulatedCard? Card
    {
        get { lock (gate) { return card; } }
    }

    /// <summary>A card enters the field: it powers up in IDLE (ISO/IEC 14443-3 6.3).</summary>
    public void Place(EmulatedCard entering)
    {
        lock (gate)
        {
            entering.PowerUp();
            card = entering;
        }
    }

    public void Remove()
    {
        lock (gate)
        {
            card = null;
        }
    }

    public CardAnswer Exchange(byte[] frame, int bitsLastByte)
    {
        lock (gate)
        {
            if (card is null)
            {
                return CardAnswer.Silence;
            }

            var answer = card.Receive(frame, bitsLastByte);
            if (card.HasLeft)
            {
                card = null;
            }

            return answer;
        }
    }
}

/// <summary>
/// A Type A card's state machine, ISO/IEC 14443-3 6.3 to 6.5: REQA/WUPA with ATQA, anticollision
/// (SEL, NVB 20h: UID CLn and BCC) and select (SEL, NVB 70h, CRC_A: SAK and CRC_A) for each cascade
/// level of a 4-, 7- or 10-byte UID, HLTA. A REQA that reaches a READY or ACTIVE card sends it back to
/// IDLE without an answer; a HALTed card answers only WUPA. LeavesAtSelectLevel makes it leave the
/// field when that level's SELECT arrives (a tap too short to finish).
/// </summary>
public sealed class EmulatedCard(byte[] uid, byte finalSak = 0x08)
{
    private enum State { Idle, Ready, Active, Halt }

    private State state;
    private int level;

    public byte[] Uid { get; } = uid.Length is 4 or 7 or 10 ? uid : throw new ArgumentException("a UID has 4, 7 or 10 bytes", nameof(uid));

    public int? LeavesAtSelectLevel { get; set; }

    /// <summary>Once, the SAK of this select level reaches the reader garbled (noise) or collided (a second card's answer).</summary>
    public (int Level, AnswerKind Kind)? SpoilsSelectAnswer { get; set; }

    public bool HasLeft { get; private set; }

    private int Levels => Uid.Length switch { 4 => 1, 7 => 2, _ => 3 };

    public void PowerUp()
    {
        state = State.Idle;
        level = 1;
        HasLeft = false;
    }

    public CardAnswer Receive(byte[] frame, int bitsLastByte)
    {
        if (frame.Length == 1 && bitsLastByte == 7 && (frame[0] == 0x26 || frame[0] == 0x52))
        {
            bool wakes = state == State.Idle || (state == State.Halt && frame[0] == 0x52);
            if (!wakes)
            {
                state = state == State.Halt ? State.Halt : State.Idle;
                return CardAnswer.Silence;
            }

            state = State.Ready;
            level = 1;
            byte uidSize = (byte)((Levels - 1) << 6); // ATQA bits 8..7: UID size (6.4.2.1)
            return Frame((byte)(uidSize | 0x04), 0x00);
        }

        if (frame.Length == 4 && frame[0] == 0x50 && frame[1] == 0x00 && CrcOk(frame) && state == State.Active)
        {
            state = State.Halt;
            return CardAnswer.Silence;
        }

        if (state == State.Ready && frame.Length >= 2 && frame[0] == SelectCode(level))
        {
            byte[] cln = CascadeBytes(level);
            if (frame.Length == 2 && frame[1] == 0x20)
            {
                return Frame(cln[0], cln[1], cln[2], cln[3], (byte)(cln[0] ^ cln[1] ^ cln[2] ^ cln[3]));
            }

            if (frame.Length == 9 && frame[1] == 0x70 && CrcOk(frame) && frame.AsSpan(2, 4).SequenceEqual(cln))
            {
                if (LeavesAtSelectLevel == level)
                {
                    HasLeft = true;
                    return CardAnswer.Silence;
                }

                bool more = level < Levels;
                byte sak = more ? (byte)0x04 : finalSak;
                var spoil = SpoilsSelectAnswer is { } s && s.Level == level ? s.Kind : AnswerKind.Frame;
                level++;
                state = more ? State.Ready : State.Active;
                if (spoil != AnswerKind.Frame)
                {
                    SpoilsSelectAnswer = null;
                    return new CardAnswer(spoil, WithCrc(sak).Bytes);
                }

                return WithCrc(sak);
            }
        }

        state = state == State.Halt ? State.Halt : State.Idle; // anything unexpected (6.3.2)
        return CardAnswer.Silence;
    }

    private byte[] CascadeBytes(int cascadeLevel)
    {
        int start = (cascadeLevel - 1) * 3;
        return cascadeLevel < Levels ? [0x88, Uid[start], Uid[start + 1], Uid[start + 2]] : Uid[start..(start + 4)];
    }

    private static byte SelectCode(int cascadeLevel) => cascadeLevel switch { 1 => 0x93, 2 => 0x95, _ => 0x97 };

    private static bool CrcOk(byte[] frame)
    {
        ushort crc = EmulatedMfrc522.Crc(frame[..^2], 0x6363);
        return frame[^2] == (byte)crc && frame[^1] == (byte)(crc >> 8);
    }

    private static CardAnswer WithCrc(byte sak)
    {
        ushort crc = EmulatedMfrc522.Crc([sak], 0x6363);
        return Frame(sak, (byte)crc, (byte)(crc >> 8));
    }

    private static CardAnswer Frame(params byte[] bytes) => new(AnswerKind.Frame, bytes);
}
