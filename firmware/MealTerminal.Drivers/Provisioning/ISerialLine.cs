namespace MealTerminal.Drivers.Provisioning
{
    /// <summary>
    /// The serial port the provisioning console talks over: on the device a UART (System.IO.Ports),
    /// on the host a pipe of the tests. Read never waits: it returns the bytes already received.
    /// </summary>
    public interface ISerialLine
    {
        /// <summary>Copies up to count received bytes into buffer; returns how many (0 when none are waiting).</summary>
        int Read(byte[] buffer, int offset, int count);

        void Write(byte[] buffer, int offset, int count);
    }
}
