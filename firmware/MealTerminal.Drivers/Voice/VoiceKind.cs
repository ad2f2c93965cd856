namespace MealTerminal.Drivers.Voice
{
    /// <summary>
    /// Which voice a terminal has, from its provisioning record's "voice" key (hardware/voice.md):
    /// none (silent, the default), i2s (recorded clips from the voice pack through a MAX98357A; the
    /// flash layout then keeps two voice pack slots), syn6288 or xfs5152 (a UART text-to-speech
    /// module). The module kinds are TtsFrames' model numbers, so the value goes straight to
    /// TextToSpeechVoice.
    /// </summary>
    public static class VoiceKind
    {
        public const string Key = "voice";
        public const int None = 0;
        public const int Syn6288 = TtsFrames.Syn6288;
        public const int Xfs5152 = TtsFrames.Xfs5152;
        public const int I2sClips = 3;

        /// <summary>The kind named by a provisioning value, or -1 with a reason for the console.</summary>
        public static int Parse(string value, out string error)
        {
            error = null;
            if (value == null || value == "none")
            {
                return None;
            }

            if (value == "i2s")
            {
                return I2sClips;
            }

            if (value == "syn6288")
            {
                return Syn6288;
            }

            if (value == "xfs5152")
            {
                return Xfs5152;
            }

            error = "voice must be none, i2s, syn6288 or xfs5152";
            return -1;
        }

        /// <summary>True for the UART text-to-speech modules.</summary>
        public static bool IsModule(int kind)
        {
            return kind == Syn6288 || kind == Xfs5152;
        }
    }
}
