namespace MealTerminal.Core.Ledger
{
    /// <summary>
    /// What StateLog.Mount learned about one of its sectors: where writing stopped, the newest commit
    /// entry and the last valid entry (with their bytes, to program them again when the sector is
    /// taken as the active one).
    /// </summary>
    internal sealed class StateSectorScan
    {
        public readonly byte[] CommitEntry = new byte[16];
        public readonly byte[] LastEntry = new byte[16];
        public int FreeSlot;
        public int CommitSlot;
        public int LastValidSlot;
        public uint CommitWrite;
        public uint Compactions;
        public uint MaxWrite;

        public void Reset(int slotsPerSector)
        {
            FreeSlot = slotsPerSector;
            CommitSlot = -1;
            LastValidSlot = -1;
            CommitWrite = 0;
            Compactions = 0;
            MaxWrite = 0;
        }

        public void Take(int slot, bool isCommit, uint value, uint write, byte[] buffer, int at)
        {
            if (write > MaxWrite)
            {
                MaxWrite = write;
            }

            LastValidSlot = slot;
            Copy(buffer, at, LastEntry);
            if (isCommit && (CommitSlot < 0 || write > CommitWrite))
            {
                CommitSlot = slot;
                CommitWrite = write;
                Compactions = value;
                Copy(buffer, at, CommitEntry);
            }
        }

        private static void Copy(byte[] buffer, int at, byte[] into)
        {
            for (int i = 0; i < into.Length; i++)
            {
                into[i] = buffer[at + i];
            }
        }
    }
}
