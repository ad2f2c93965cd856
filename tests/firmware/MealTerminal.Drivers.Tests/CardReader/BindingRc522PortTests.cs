using MealTerminal.Drivers.CardReader;

namespace MealTerminal.Drivers.Tests.CardReader;

/// <summary>
/// Issue #15: Rc522Port sent REQA through IsCardPresent and then called the binding's listen, which
/// sends REQA again; a card left READY by the first returns to IDLE on the second without answering,
/// so a card lying on the reader was likely never read. Halted cards were never woken at all (the
/// listen only sends REQA). The port now listens alone and wakes halted cards with a real WUPA.
/// </summary>
public class BindingRc522PortTests
{
    private static readonly byte[] FourByteUid = { 0x3A, 0x5C, 0x11, 0x90 };
    private static readonly byte[] SevenByteUid = { 0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0x80 };
    private static readonly byte[] TenByteUid = { 0x08, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x99, 0xAB };

    public static TheoryData<byte[]> Uids => new() { FourByteUid, SevenByteUid, TenByteUid };

    [Fact]
    public void ARequestBeforeTheListen_LosesACardLyingOnTheReader_WhichIsWhyThePortNoLongerSendsOne()
    {
        var binding = new TypeACardOnABinding(SevenByteUid);

        Assert.True(binding.RequestA());
        Assert.False(binding.ListenTypeA(new byte[10], out _));
    }

    [Theory]
    [MemberData(nameof(Uids))]
    public void ACardLyingOnTheReader_IsSelectedByTheListenAlone_AndHalted(byte[] uid)
    {
        var binding = new TypeACardOnABinding(uid);
        var port = new BindingRc522Port(binding);
        var read = new byte[10];

        Assert.Equal(Rc522Result.Card, port.RequestAndSelect(false, read, out var length));

        Assert.Equal(uid, read[..length]);
        Assert.True(binding.IsHalted);
    }

    [Theory]
    [MemberData(nameof(Uids))]
    public void AHaltedCard_IsInvisibleToTheListen_ButWokenAndSelectedWithWupa(byte[] uid)
    {
        var binding = new TypeACardOnABinding(uid);
        var port = new BindingRc522Port(binding);
        var read = new byte[10];
        port.RequestAndSelect(false, read, out _);

        Assert.Equal(Rc522Result.NoCard, port.RequestAndSelect(false, read, out _));
        Assert.Equal(Rc522Result.Card, port.RequestAndSelect(true, read, out var length));

        Assert.Equal(uid, read[..length]);
        Assert.Equal(2, binding.HaltCalls);
    }

    [Fact]
    public void NoCardInTheField_IsNoCard_OnBothPaths()
    {
        var port = new BindingRc522Port(new TypeACardOnABinding(FourByteUid) { InField = false });

        Assert.Equal(Rc522Result.NoCard, port.RequestAndSelect(false, new byte[10], out _));
        Assert.Equal(Rc522Result.NoCard, port.RequestAndSelect(true, new byte[10], out var length));
        Assert.Equal(0, length);
    }

    [Fact]
    public void ACorruptAnticollisionAnswer_IsAnError_NotACard()
    {
        var port = new BindingRc522Port(new TypeACardOnABinding(SevenByteUid) { CorruptBcc = true });

        Assert.Equal(Rc522Result.Error, port.RequestAndSelect(true, new byte[10], out var length));
        Assert.Equal(0, length);
    }

    [Fact]
    public void AUidLongerThanTheBuffer_IsAnError()
    {
        var port = new BindingRc522Port(new TypeACardOnABinding(TenByteUid));

        Assert.Equal(Rc522Result.Error, port.RequestAndSelect(true, new byte[7], out _));
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x00 }, 0x1EA0)]
    [InlineData(new byte[] { 0x12, 0x34 }, 0xCF26)]
    public void CrcA_MatchesTheStandardsWorkedExamples(byte[] data, int expected) =>
        Assert.Equal((ushort)expected, CrcA.Compute(data, 0, data.Length));
}
