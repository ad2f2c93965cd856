using System.IO.Ports;

namespace MealTerminal.Simulator.Provisioning;

/// <summary>
/// `provision --port NAME`: a technician's terminal for the provisioning console. Reads commands
/// from standard input, one per line (typed, or a script piped in, so no secret is ever an
/// argument), prints each answer; exit code 1 when any answer was ERR.
/// </summary>
public static class ProvisionCommand
{
    public const int BaudRate = 115200;

    public static int Run(string portName, TextReader input, TextWriter output)
    {
        using var port = new SerialPort(portName, BaudRate, Parity.None, 8, StopBits.One)
        {
            ReadTimeout = 30_000, // SELFTEST answers after a few seconds on the device
            NewLine = "\n",
        };
        try
        {
            port.Open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            output.WriteLine($"错误：打不开串口 {portName}: {e.Message}");
            return 2;
        }

        try
        {
            return Converse(new ProvisioningClient(port.BaseStream), input, output);
        }
        catch (TimeoutException)
        {
            output.WriteLine("错误：终端没有应答 (检查接线、波特率 115200，终端是否处于配置模式)");
            return 2;
        }
    }

    /// <summary>Sends each input line and prints its answer; 1 when any answer was an ERR.</summary>
    public static int Converse(ProvisioningClient client, TextReader input, TextWriter output)
    {
        int result = 0;
        string? command;
        while ((command = input.ReadLine()) != null)
        {
            command = command.TrimEnd('\r');
            if (command.Length == 0)
            {
                continue;
            }

            IReadOnlyList<string> answer = client.Send(command);
            foreach (string line in answer)
            {
                output.WriteLine(line);
            }

            if (answer.Count == 0 || !answer[0].StartsWith("OK", StringComparison.Ordinal))
            {
                result = 1;
            }
        }

        return result;
    }
}
