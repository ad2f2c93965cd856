namespace MealTerminal.Core.SelfTest
{
    /// <summary>Where the self-test writes its report: a console, a serial port, a log file.</summary>
    public interface ILineWriter
    {
        void WriteLine(string line);
    }
}
