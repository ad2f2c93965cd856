namespace MealTerminal.Drivers.Provisioning
{
    /// <summary>Runs the terminal's self-test for the serial console and returns its one-line result.</summary>
    public interface IConsoleSelfTest
    {
        string Run();
    }
}
