using MealGateway.DeskReader;
using MealTerminal.Drivers.CardReader;

namespace MealGateway.Tests.DeskReader;

/// <summary>
/// dotnet/iot's real MfRc522 (Iot.Device.Bindings 4.2.0) under the terminal's ReaderSupervisor, against
/// an emulated MFRC522 and card: each UID length, a card that leaves mid-select, a chip that stops answering.
/// </summary>
public sealed class DeskReaderTests : IDisposable
{
    private readonly RfField field = new();
    private readonly SteppedClock clock = new();
    private readonly EmulatedMfrc522 chip;
    private readonly MealGateway.DeskReader.DeskReader reader;

    public DeskReaderTests()
    {
        chip = new EmulatedMfrc522(field);
        reader = new MealGateway.DeskReader.DeskReader(chip, clock, TimeProvider.System);
    }

    public void Dispose() => reader.Dispose();

    [Theory]
    [InlineData("A1B2C3D4")]
    [InlineData("04A1B2C3D4E5F6")]
    [InlineData("04A1B2C3D4E5F6071829")]
    public void ACardOfEachUidLength_IsReadByWupaAfterStart_AndByTheBindingsListenWhenTappedAgain(string hex)
    {
        field.Place(new EmulatedCard(Convert.FromHexString(hex)));

        var first = reader.Poll(); // after (re)initialisation the supervisor wakes halted cards: WUPA and our select
        Assert.Equal(hex, first?.CardHex);
        Assert.Equal(hex.Length / 2, first!.UidLength);
        Assert.False(first.RandomUid);
        Assert.Equal(0x52, chip.Sent[0][0]);

        Assert.Null(reader.Poll()); // the card was halted: lying on the reader it is not read again

        field.Remove();
        field.Place(new EmulatedCard(Convert.FromHexString(hex)));
        chip.Sent.Clear();
        var second = reader.Poll(); // the binding's ListenToCardIso14443TypeA: one REQA, its own anticollision and select
        Assert.Equal(hex, second?.CardHex);
        Assert.Single(chip.Sent, f => f.Length == 1 && f[0] == 0x26);
    }

    [Fact]
    public void ARandomUid_IsReportedAsOneThatCannotBeEnrolled()
    {
        field.Place(new EmulatedCard([0x08, 0x11, 0x22, 0x33]));

        var tap = reader.Poll();

        Assert.True(tap?.RandomUid);
        Assert.Equal(1, reader.Health.RandomUids);
    }

    [Theory]
    [InlineData("04A1B2C3D4E5F6", 2, true)]
    [InlineData("04A1B2C3D4E5F6071829", 3, true)]
    [InlineData("04A1B2C3D4E5F6071829", 2, false)]
    [InlineData("A1B2C3D4", 1, false)]
    public void ACardThatLeavesMidSelect_GivesNoTapAndNoPartialUid_AndIsReadWholeWhenItReturns(string hex, int leavesAtLevel, bool onWupaPath)
    {
        if (!onWupaPath)
        {
            Assert.Null(reader.Poll()); // start the reader with an empty field, so the next poll is the binding's listen
        }

        field.Place(new EmulatedCard(Convert.FromHexString(hex)) { LeavesAtSelectLevel = leavesAtLevel });
        Assert.Null(reader.Poll());
        Assert.Null(field.Card);

        field.Place(new EmulatedCard(Convert.FromHexString(hex)));
        Assert.Equal(hex, reader.Poll()?.CardHex);
    }

    [Theory]
    [InlineData(AnswerKind.ProtocolError)]
    [InlineData(AnswerKind.Collision)]
    public void ASpoiledSelectAnswer_CountsAsACardError_AndTheCardIsReadOnTheNextTries(AnswerKind spoiled)
    {
        field.Place(new EmulatedCard(Convert.FromHexString("04A1B2C3D4E5F6")) { SpoilsSelectAnswer = (2, spoiled) });

        Assert.Null(reader.Poll()); // ErrorReg ProtocolErr / CollErr: the binding reports Error / Collision
        Assert.Equal(1, reader.Health.CardErrors);
        Assert.Null(reader.Poll()); // the supervisor's WUPA reaches a card now ACTIVE, which falls back to IDLE (ISO/IEC 14443-3 6.3)
        Assert.Equal("04A1B2C3D4E5F6", reader.Poll()?.CardHex); // the binding's REQA wakes it from IDLE
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0xFF)]
    public void AChipThatStopsAnswering_IsRevivedByTheWatchdog_AndReadsCardsAgainWhenItAnswers(byte readsAs)
    {
        field.Place(new EmulatedCard(Convert.FromHexString("A1B2C3D4")));
        Assert.NotNull(reader.Poll());
        field.Remove();

        chip.StopAnswering(readsAs);
        clock.Advance(ReaderSupervisor.SilenceBeforeReinitMilliseconds);
        Assert.Null(reader.Poll()); // version check fails, the watchdog's reinit fails
        Assert.False(reader.Health.Healthy);
        Assert.Equal(1, reader.Health.FailedReinitCount);

        chip.Recover();
        field.Place(new EmulatedCard(Convert.FromHexString("04A1B2C3D4E5F6")));
        clock.Advance(ReaderSupervisor.ReinitRetryMilliseconds);
        Assert.Equal("04A1B2C3D4E5F6", reader.Poll()?.CardHex);
        Assert.True(reader.Health.Healthy);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0xFF)]
    public void AChipThatNeverAnswers_GivesNoTapAndReportsTheReaderUnhealthy(byte readsAs)
    {
        chip.StopAnswering(readsAs);
        field.Place(new EmulatedCard(Convert.FromHexString("A1B2C3D4")));

        Assert.Null(reader.Poll());
        Assert.False(reader.Health.Healthy);
        Assert.Empty(chip.Sent);
    }

    [Fact]
    public void AnSpiDeviceWhoseTransfersFail_GivesNoTapAndAnUnhealthyReader_UntilItIsBack()
    {
        chip.Unplugged = true;
        field.Place(new EmulatedCard(Convert.FromHexString("A1B2C3D4")));

        Assert.Null(reader.Poll());
        Assert.False(reader.Health.Healthy);

        chip.Recover();
        clock.Advance(ReaderSupervisor.ReinitRetryMilliseconds);
        Assert.Equal("A1B2C3D4", reader.Poll()?.CardHex);
    }

    [Fact]
    public void TheBindingLeavesTheAntennaOffAndTheSpiDeviceClosedWhenDisposed()
    {
        reader.Dispose();

        Assert.True(chip.Disposed);
    }
}
