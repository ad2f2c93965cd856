using MealTerminal.Drivers.CardReader;

namespace MealTerminal.Drivers.Tests.CardReader;

/// <summary>
/// An MFRC522 that can hang: once Hung, its registers read garbage (VersionReg fails, exchanges time
/// out) until an Initialize (hard reset) that the test allows to succeed.
/// </summary>
public sealed class FakeRc522 : IRc522Port
{
    private readonly Queue<Rc522Result> _script = new();

    public bool Hung { get; set; }
    /// <summary>A hung chip that still reports "no card" instead of timing out (ComIrqReg reads as all ones).</summary>
    public bool HangLooksLikeNoCard { get; set; }
    public bool ResetFixesHang { get; set; } = true;
    public byte[] CardUid { get; set; } = { 0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0x80 };
    public int InitializeCalls { get; private set; }
    public List<bool> WakeHaltedFlags { get; } = new();

    public void Then(params Rc522Result[] results)
    {
        foreach (var r in results)
        {
            _script.Enqueue(r);
        }
    }

    public bool Initialize()
    {
        InitializeCalls++;
        if (ResetFixesHang)
        {
            Hung = false;
        }

        return !Hung;
    }

    public bool IsAlive() => !Hung;

    public Rc522Result RequestAndSelect(bool wakeHalted, byte[] uid, out int length)
    {
        WakeHaltedFlags.Add(wakeHalted);
        length = 0;
        if (Hung)
        {
            return HangLooksLikeNoCard ? Rc522Result.NoCard : Rc522Result.Timeout;
        }

        var result = _script.Count > 0 ? _script.Dequeue() : Rc522Result.NoCard;
        if (result == Rc522Result.Card)
        {
            CardUid.CopyTo(uid, 0);
            length = CardUid.Length;
        }

        return result;
    }
}
