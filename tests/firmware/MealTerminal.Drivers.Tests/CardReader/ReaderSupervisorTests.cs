using MealTerminal.Core.Cards;
using MealTerminal.Drivers.CardReader;

namespace MealTerminal.Drivers.Tests.CardReader;

public class ReaderSupervisorTests
{
    private readonly FakeRc522 _chip = new();
    private readonly FakeClock _clock = new();
    private readonly ReaderSupervisor _reader;
    private readonly byte[] _uid = new byte[10];

    public ReaderSupervisorTests() => _reader = new ReaderSupervisor(_chip, _clock);

    private CardReadStatus Poll(out int length) => _reader.Poll(_uid, out length);

    private CardReadStatus Poll() => _reader.Poll(_uid, out _);

    [Fact]
    public void ACard_IsReportedWithItsFullUid()
    {
        _chip.Then(Rc522Result.Card);
        Assert.Equal(CardReadStatus.Card, Poll(out int length));
        Assert.Equal(_chip.CardUid, _uid[..length]);
    }

    [Fact]
    public void ARandomUid_GetsItsOwnVerdict_NotAnIdentity()
    {
        _chip.CardUid = new byte[] { 0x08, 0x3F, 0x11, 0x9A };
        _chip.Then(Rc522Result.Card);
        Assert.Equal(CardReadStatus.RandomUid, Poll(out int length));
        Assert.Equal(4, length);
        Assert.Equal(1, _reader.Health.RandomUids);
    }

    [Fact]
    public void ASevenByteUidStarting08_IsAnOrdinaryCard()
    {
        _chip.CardUid = new byte[] { 0x08, 1, 2, 3, 4, 5, 6 };
        _chip.Then(Rc522Result.Card);
        Assert.Equal(CardReadStatus.Card, Poll());
    }

    [Fact]
    public void AfterAnyFailure_TheNextExchangeWakesHaltedCards()
    {
        _chip.Then(Rc522Result.NoCard, Rc522Result.Error, Rc522Result.Card, Rc522Result.Collision, Rc522Result.NoCard);
        Assert.Equal(CardReadStatus.NoCard, Poll());
        Assert.Equal(CardReadStatus.ReadError, Poll());
        Assert.Equal(CardReadStatus.Card, Poll());
        Assert.Equal(CardReadStatus.ReadError, Poll());
        Assert.Equal(CardReadStatus.NoCard, Poll());

        // the first exchange after power-up wakes too: a card may have been halted before a reboot
        Assert.Equal(new[] { true, false, true, false, true }, _chip.WakeHaltedFlags);
        Assert.Equal(2, _reader.Health.CardErrors);
    }

    [Fact]
    public void ChipTimeouts_InARow_TriggerAReinit_AndTheReaderRecovers()
    {
        Poll();
        _chip.Then(Enumerable.Repeat(Rc522Result.Timeout, ReaderSupervisor.TimeoutsBeforeReinit).ToArray());
        for (int i = 0; i < ReaderSupervisor.TimeoutsBeforeReinit; i++)
        {
            Assert.Equal(CardReadStatus.NoCard, Poll());
        }

        Assert.Equal(0, _reader.Health.ReinitCount);
        _chip.Then(Rc522Result.Card);
        Assert.Equal(CardReadStatus.Card, Poll());
        Assert.Equal(1, _reader.Health.ReinitCount);
        Assert.Equal(0, _reader.Health.ConsecutiveFailures);
    }

    [Fact]
    public void AHangThatStillSaysNoCard_IsCaughtByTheVersionCheck_AndRevived()
    {
        Poll();
        _chip.Hung = true;
        _chip.HangLooksLikeNoCard = true;
        for (int t = 0; t < ReaderSupervisor.SilenceBeforeReinitMilliseconds; t += 100)
        {
            _clock.Advance(100);
            Poll();
        }

        Assert.Equal(1, _reader.Health.ReinitCount);
        Assert.False(_chip.Hung);
        Assert.True(_reader.Health.Healthy);
        _chip.Then(Rc522Result.Card);
        Assert.Equal(CardReadStatus.Card, Poll());
    }

    [Fact]
    public void AReaderThatStaysDead_IsRetriedEveryFewSeconds_NotOnEveryPoll()
    {
        Poll();
        _chip.Hung = true;
        _chip.ResetFixesHang = false;
        for (int t = 0; t <= 30000; t += 100)
        {
            _clock.Advance(100);
            Assert.Equal(CardReadStatus.NoCard, Poll());
        }

        Assert.False(_reader.Health.Healthy);
        Assert.InRange(_reader.Health.ReinitCount, 4, 6);
        Assert.Equal(_reader.Health.ReinitCount, _reader.Health.FailedReinitCount);

        _chip.ResetFixesHang = true;
        _clock.Advance(ReaderSupervisor.ReinitRetryMilliseconds);
        Poll();
        Assert.True(_reader.Health.Healthy);
        Assert.Equal(_clock.MillisecondsSinceBoot, _reader.Health.LastOkMilliseconds);
    }

    [Fact]
    public void AHealthyIdleReader_IsNeverReinitialised()
    {
        for (int t = 0; t < 60 * 60 * 1000; t += 250)
        {
            _clock.Advance(250);
            Poll();
        }

        Assert.Equal(0, _reader.Health.ReinitCount);
        Assert.Equal(1, _chip.InitializeCalls);
    }
}
