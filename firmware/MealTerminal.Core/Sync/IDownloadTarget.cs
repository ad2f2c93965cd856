namespace MealTerminal.Core.Sync
{
    /// <summary>
    /// Where a downloaded image goes (the roster store, the config store): written into the slot not
    /// in use, checked, then switched to by one state-log write, so a power cut leaves the old one working.
    /// </summary>
    public interface IDownloadTarget
    {
        /// <summary>Version in use, 0 when none.</summary>
        uint InstalledVersion { get; }

        /// <summary>Progress is kept across a reboot in multiples of this (the flash sector).</summary>
        int ResumeGranularity { get; }

        /// <summary>Starts writing an image of this size from its first byte; false when no image of that size fits.</summary>
        bool BeginInstall(int imageSize);

        /// <summary>Continues an install after a reboot; bytesDone is a multiple of ResumeGranularity.</summary>
        void ResumeInstall(int imageSize, int bytesDone);

        /// <summary>Writes the next bytes of the image, in order.</summary>
        void WriteChunk(int imageOffset, byte[] data, int offset, int count);

        /// <summary>Checks the whole written image against imageCrc and its own format, then switches to it; false keeps the old one.</summary>
        bool CommitInstall(uint imageCrc);
    }
}
