using System.Text;

namespace MealTerminal.Simulator.Provisioning;

/// <summary>
/// The host side of the provisioning console's line protocol (docs/firmware.md): sends one command
/// line, reads the answer's lines up to the empty line that ends it. Speaks over any byte stream:
/// a serial port's BaseStream in `provision --port`, an in-memory wire to a ConsoleSession in tests.
/// </summary>
public sealed class ProvisioningClient(Stream wire)
{
    private readonly List<byte> _line = new();

    /// <summary>Sends a command; returns the answer's lines (the first starts with OK or ERR).</summary>
    public IReadOnlyList<string> Send(string command)
    {
        if (command.Contains('\n') || command.Contains('\r'))
        {
            throw new ArgumentException("one command per line", nameof(command));
        }

        byte[] bytes = Encoding.UTF8.GetBytes(command + "\n");
        wire.Write(bytes, 0, bytes.Length);
        wire.Flush();
        var answer = new List<string>();
        while (true)
        {
            string line = ReadLine();
            if (line.Length == 0)
            {
                return answer;
            }

            answer.Add(line);
        }
    }

    private string ReadLine()
    {
        _line.Clear();
        while (true)
        {
            int b = wire.ReadByte();
            if (b < 0)
            {
                throw new EndOfStreamException("the terminal closed the line in the middle of an answer");
            }

            if (b == '\n')
            {
                return Encoding.UTF8.GetString(_line.ToArray());
            }

            _line.Add((byte)b);
        }
    }
}
