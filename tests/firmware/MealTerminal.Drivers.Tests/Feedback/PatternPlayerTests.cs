using MealTerminal.Core.Display;
using MealTerminal.Drivers.Feedback;

namespace MealTerminal.Drivers.Tests.Feedback;

public class PatternPlayerTests
{
    private readonly PatternPlayer _player = new();

    /// <summary>Samples the player every millisecond and returns how many separate beeps it made and which lights ever lit.</summary>
    private (int Beeps, bool Green, bool Red, int Length) Play(int signal)
    {
        _player.Start(signal, 0);
        int beeps = _player.BuzzerOn ? 1 : 0;
        bool green = _player.GreenOn, red = _player.RedOn, wasOn = _player.BuzzerOn;
        int t = 0;
        while (_player.IsPlaying)
        {
            _player.Update(++t);
            if (_player.BuzzerOn && !wasOn)
            {
                beeps++;
            }

            wasOn = _player.BuzzerOn;
            green |= _player.GreenOn;
            red |= _player.RedOn;
        }

        return (beeps, green, red, t);
    }

    [Fact]
    public void Accepted_IsOneShortBeep_WithGreenOnly()
    {
        var played = Play(SignalPattern.Accepted);
        Assert.Equal((1, true, false), (played.Beeps, played.Green, played.Red));
    }

    [Fact]
    public void AlreadyEaten_IsTwoBeeps_WithRedOnly()
    {
        var played = Play(SignalPattern.AlreadyEaten);
        Assert.Equal((2, false, true), (played.Beeps, played.Green, played.Red));
    }

    [Fact]
    public void Refused_IsOneLongBeep_WithRed()
    {
        _player.Start(SignalPattern.Refused, 0);
        _player.Update(500);
        Assert.True(_player.BuzzerOn, "a long beep still sounds after half a second");
        var played = Play(SignalPattern.Refused);
        Assert.Equal((1, false, true), (played.Beeps, played.Green, played.Red));
    }

    [Fact]
    public void TapAgain_IsThreeQuickBeeps_WithAmber()
    {
        var played = Play(SignalPattern.TapAgain);
        Assert.Equal((3, true, true), (played.Beeps, played.Green, played.Red));
    }

    [Fact]
    public void AcceptedWarning_BeepsOnceLikeAccepted_ThenBlinksAmber()
    {
        var played = Play(SignalPattern.AcceptedWarning);
        Assert.Equal((1, true, true), (played.Beeps, played.Green, played.Red));
        Assert.True(played.Length > Play(SignalPattern.Accepted).Length);
    }

    [Fact]
    public void EveryPattern_EndsWithEverythingOff()
    {
        for (int signal = 0; signal <= 6; signal++)
        {
            Play(signal);
            Assert.Equal(0, _player.Outputs);
        }
    }

    [Fact]
    public void ASlowLoop_SkipsStepsItMissed_InsteadOfPlayingThemLate()
    {
        _player.Start(SignalPattern.AlreadyEaten, 1000);
        Assert.True(_player.Update(1000 + 180));
        Assert.False(_player.BuzzerOn); // the gap, 120..240 ms in
        Assert.True(_player.Update(1000 + 250));
        Assert.True(_player.BuzzerOn); // the second beep, 240..360 ms in
        _player.Update(1000 + 5000);
        Assert.False(_player.IsPlaying);
    }

    [Fact]
    public void ANewVerdict_CutsTheOldPatternShort()
    {
        _player.Start(SignalPattern.Refused, 0);
        _player.Start(SignalPattern.Accepted, 100);
        Assert.True(_player.GreenOn);
        Assert.False(_player.RedOn);
    }
}
