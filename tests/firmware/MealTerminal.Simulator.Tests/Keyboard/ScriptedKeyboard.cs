using MealTerminal.Simulator.Adapters;

namespace MealTerminal.Simulator.Tests.Keyboard;

/// <summary>
/// A keyboard that types each line once its condition holds. The keyboard terminal polls it on every
/// pass of its main loop, so the script waits on the terminal's own state, never on a timetable; a
/// step may move the test's time instead of typing (line null, <see cref="Then"/> set).
/// </summary>
public sealed class ScriptedKeyboard(params ScriptedKeyboard.Step[] steps) : IKeyboard
{
    private int next;

    public sealed record Step(Func<bool> When, string? Line, Action? Then = null);

    public int Polls { get; private set; }

    public bool TryReadLine(out string? line)
    {
        Polls++;
        line = null;
        while (next < steps.Length && steps[next].When())
        {
            var step = steps[next++];
            step.Then?.Invoke();
            if (step.Line is not null)
            {
                line = step.Line;
                return true;
            }
        }

        return false;
    }
}

/// <summary>The keyboard terminal's screen: lines written from the main loop and from the uplink's thread.</summary>
public sealed class ScreenLog : TextWriter
{
    private readonly System.Text.StringBuilder text = new();

    public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

    public string Text
    {
        get { lock (text) { return text.ToString(); } }
    }

    public override void Write(char value)
    {
        lock (text)
        {
            text.Append(value);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (text)
        {
            text.Append(value).Append('\n');
        }
    }
}

/// <summary>Time the test moves: each reading moves it on by a millisecond, so the terminal's timers run without a wall clock.</summary>
public sealed class SteppedTime(DateTimeOffset start) : TimeProvider
{
    private long ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref ticks, TimeSpan.TicksPerMillisecond);

    public override DateTimeOffset GetUtcNow() => start + TimeSpan.FromTicks(Interlocked.Read(ref ticks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
