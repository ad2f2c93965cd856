namespace MealTerminal.Drivers.Voice
{
    /// <summary>
    /// Command frames of the UART text-to-speech modules, 9600 baud 8N1 by default on both.
    /// SYN6288 (Beijing Yutone World Technology, "SYN6288 中文语音合成芯片 数据手册", 通讯协议): FD, u16 big-endian
    /// length of what follows the length field, command 01 (synthesise) with parameter 00 (text in
    /// GB2312, no background music), the text, then an XOR of every byte before it; stop is
    /// FD 00 02 02 FD. The module answers 0x41 when it took a frame and raises BUSY while speaking.
    /// XFS5152CE (iFLYTEK, "XFS5152CE 语音合成芯片 数据手册", 帧结构): the same header, command 01 with
    /// encoding 00 (GB2312), no checksum (length counts command, parameter and text); stop is FD 00 01 02.
    /// Volume is a text tag: [v0]..[v16] on the SYN6288, [v0]..[v10] on the XFS5152.
    /// </summary>
    public static class TtsFrames
    {
        public const int Syn6288 = 1;
        public const int Xfs5152 = 2;

        /// <summary>Largest text either module takes in one frame (SYN6288: 200 bytes).</summary>
        public const int MaxText = 200;

        private const byte Header = 0xFD;
        private const byte CommandSynthesise = 0x01;
        private const byte CommandStop = 0x02;
        private const byte EncodingGb2312 = 0x00;

        /// <summary>Writes the stop frame; returns its length.</summary>
        public static int Stop(int model, byte[] frame, int at)
        {
            frame[at] = Header;
            frame[at + 1] = 0;
            frame[at + 2] = (byte)(model == Syn6288 ? 2 : 1);
            frame[at + 3] = CommandStop;
            if (model != Syn6288)
            {
                return 4;
            }

            frame[at + 4] = (byte)(Header ^ 2 ^ CommandStop);
            return 5;
        }

        /// <summary>Wraps the text already at frame[at + 5 .. at + 5 + textLength) in a synthesise frame; returns its length.</summary>
        public static int Synthesise(int model, byte[] frame, int at, int textLength)
        {
            int length = textLength + 2 + (model == Syn6288 ? 1 : 0);
            frame[at] = Header;
            frame[at + 1] = (byte)(length >> 8);
            frame[at + 2] = (byte)length;
            frame[at + 3] = CommandSynthesise;
            frame[at + 4] = EncodingGb2312;
            if (model != Syn6288)
            {
                return 5 + textLength;
            }

            byte check = 0;
            for (int i = at; i < at + 5 + textLength; i++)
            {
                check ^= frame[i];
            }

            frame[at + 5 + textLength] = check;
            return 6 + textLength;
        }

        /// <summary>The module's volume step for a percentage (SYN6288 0..16, XFS5152 0..10).</summary>
        public static int VolumeStep(int model, int percent)
        {
            int top = model == Syn6288 ? 16 : 10;
            return ((percent * top) + 50) / 100;
        }
    }
}
