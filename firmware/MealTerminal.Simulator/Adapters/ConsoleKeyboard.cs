using System.Threading.Channels;

namespace MealTerminal.Simulator.Adapters;

/// <summary>
/// Where the keyboard terminal's typed lines come from. Polled once per main-loop pass and never
/// blocks: the loop keeps ticking (heartbeats, downloads) while nothing is typed.
/// </summary>
public interface IKeyboard
{
    /// <summary>A line typed since the last call (null: input closed), else false.</summary>
    bool TryReadLine(out string? line);
}

/// <summary>Lines from a TextReader (the console), read on a thread of their own so the loop never waits on them.</summary>
public sealed class ConsoleKeyboard : IKeyboard
{
    private readonly Channel<string?> lines = Channel.CreateUnbounded<string?>();

    public ConsoleKeyboard(TextReader input)
    {
        var reader = new Thread(() =>
        {
            string? line;
            do
            {
                line = input.ReadLine();
                lines.Writer.TryWrite(line);
            }
            while (!string.IsNullOrEmpty(line));
        }) { IsBackground = true, Name = "keyboard" };
        reader.Start();
    }

    public bool TryReadLine(out string? line) => lines.Reader.TryRead(out line);
}
