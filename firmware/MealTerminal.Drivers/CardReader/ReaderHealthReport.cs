using MealTerminal.Core.Sync;

namespace MealTerminal.Drivers.CardReader
{
    /// <summary>Copies the reader watchdog's counters into the status heartbeat.</summary>
    public static class ReaderHealthReport
    {
        public static void CopyTo(ReaderHealth health, TerminalStatus status)
        {
            status.ReaderHealthy = health.Healthy;
            status.ReaderReinits = health.ReinitCount;
            status.ReaderTimeouts = health.ChipTimeouts;
            status.CardErrors = health.CardErrors;
        }
    }
}
