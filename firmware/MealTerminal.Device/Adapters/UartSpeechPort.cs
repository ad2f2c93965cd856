#nullable disable // MealTerminal.Device.Tests compiles this file with nullable warnings on; the device build has none
using System;
using System.IO.Ports;
using System.Threading;
using MealTerminal.Drivers.Voice;

namespace MealTerminal.Device.Adapters
{
    /// <summary>
    /// Voice option B: the UART to a SYN6288 / XFS5152 module (COM3, the ESP32's UART2, 9600 8N1).
    /// SerialPort.Write does not return until the bytes are in the UART (nanoFramework's ESP32 driver
    /// has no transmit ring; past 19 bytes at 9600 baud the calling thread waits for a transmit task,
    /// 1.04 ms a byte), so TextToSpeechVoice's frames (up to MaxFrame bytes) are handed to a thread of
    /// its own: Write only copies the frames and wakes it. A
    /// prompt that arrives before the thread took the one before replaces it (each starts with its own
    /// stop frame, so the older one would be cut off at once anyway). The module's answer bytes
    /// (0x41 frame taken, 0x45 frame not understood, 0x4E busy, 0x4F idle; hardware/voice.md) are
    /// read off before each send and the last one kept for diagnosis; nothing waits for them.
    /// </summary>
    public sealed class UartSpeechPort : IUartPort
    {
        public const string PortName = "COM3";
        public const int BaudRate = 9600;

        /// <summary>A stop frame and a synthesise frame of the longest text (TextToSpeechVoice's buffer).</summary>
        public const int MaxFrame = 5 + 6 + TtsFrames.MaxText;

        /// <summary>Milliseconds a send may take before it is given up (211 bytes take 220 ms at 9600 baud).</summary>
        public const int WriteTimeoutMilliseconds = 2000;

        private readonly SerialPort port;
        private readonly object gate = new object();
        private readonly AutoResetEvent wake = new AutoResetEvent(false);
        private readonly byte[] pending = new byte[MaxFrame];
        private readonly byte[] sending = new byte[MaxFrame];
        private readonly byte[] answers = new byte[16];
        private int pendingCount;

        /// <summary>Opens the port (created by Program on COM3 at 9600 8N1).</summary>
        public UartSpeechPort(SerialPort port)
        {
            this.port = port;
            port.WriteTimeout = WriteTimeoutMilliseconds;
            port.Open();
            LastAnswer = -1;
        }

        /// <summary>The module's last answer byte, -1 before the first (or with its TXD not wired).</summary>
        public int LastAnswer { get; private set; }

        /// <summary>Queues the bytes for the sending thread and returns at once; replaces a prompt not yet sent.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            if (count > MaxFrame)
            {
                throw new InvalidOperationException("speech frames longer than MaxFrame");
            }

            lock (gate)
            {
                Array.Copy(buffer, offset, pending, 0, count);
                pendingCount = count;
            }

            wake.Set();
        }

        /// <summary>Starts the sending thread (Program, once).</summary>
        public void Start()
        {
            new Thread(Run).Start();
        }

        /// <summary>Sends what is queued, if anything; true when it sent.</summary>
        public bool SendPending()
        {
            int count;
            lock (gate)
            {
                count = pendingCount;
                pendingCount = 0;
                if (count > 0)
                {
                    Array.Copy(pending, 0, sending, 0, count);
                }
            }

            ReadAnswers();
            if (count == 0)
            {
                return false;
            }

            port.Write(sending, 0, count);
            return true;
        }

        private void ReadAnswers()
        {
            int waiting = port.BytesToRead;
            while (waiting > 0)
            {
                int n = port.Read(answers, 0, waiting < answers.Length ? waiting : answers.Length);
                if (n <= 0)
                {
                    return;
                }

                LastAnswer = answers[n - 1];
                waiting -= n;
            }
        }

        private void Run()
        {
            while (true)
            {
                wake.WaitOne();
                try
                {
                    SendPending();
                }
                catch (Exception)
                {
                    // a timed-out or failed send loses this prompt only; the next tap sends again
                }
            }
        }
    }
}
