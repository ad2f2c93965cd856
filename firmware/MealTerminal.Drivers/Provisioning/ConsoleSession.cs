using System.Text;
using MealTerminal.Core.Text;

namespace MealTerminal.Drivers.Provisioning
{
    /// <summary>
    /// Frames the provisioning console's line protocol on a serial line: bytes up to LF make a
    /// command (one CR before the LF is dropped, nothing else is trimmed), each answer is written as
    /// its lines and then an empty line, so a host tool knows where a multi-line answer (SHOW) ends.
    /// A line that is not portable UTF-8 (PortableText: NUL, malformed, control characters) or longer
    /// than MaxLineBytes gets an ERR without reaching the console, so both runtimes read the same.
    /// </summary>
    public sealed class ConsoleSession
    {
        public const int MaxLineBytes = 200;
        private readonly ISerialLine line;
        private readonly ProvisioningConsole console;
        private readonly byte[] received = new byte[MaxLineBytes];
        private readonly byte[] chunk = new byte[32];
        private int length;
        private bool overflow;

        public ConsoleSession(ISerialLine line, ProvisioningConsole console)
        {
            this.line = line;
            this.console = console;
        }

        /// <summary>Reads what has arrived and answers every complete line; returns how many lines were answered.</summary>
        public int Poll()
        {
            int answered = 0;
            int n;
            while ((n = line.Read(chunk, 0, chunk.Length)) > 0)
            {
                for (int i = 0; i < n; i++)
                {
                    if (chunk[i] == (byte)'\n')
                    {
                        Answer(Command());
                        answered++;
                    }
                    else if (length < received.Length)
                    {
                        received[length++] = chunk[i];
                    }
                    else
                    {
                        overflow = true;
                    }
                }
            }

            return answered;
        }

        private string Command()
        {
            int end = length > 0 && received[length - 1] == (byte)'\r' ? length - 1 : length;
            bool tooLong = overflow;
            length = 0;
            overflow = false;
            if (tooLong)
            {
                return "ERR 命令过长 (最多" + MaxLineBytes.ToString() + "字节)";
            }

            if (!PortableText.IsPortableUtf8(received, 0, end))
            {
                return "ERR 命令含控制字符或无效的UTF-8";
            }

            return console.Execute(Encoding.UTF8.GetString(received, 0, end));
        }

        private void Answer(string answer)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(answer + "\n\n");
            line.Write(bytes, 0, bytes.Length);
        }
    }
}
