namespace MealTerminal.Drivers.Voice
{
    /// <summary>The transmit side of a UART (the voice module's RX pin): queues bytes, does not wait for the wire.</summary>
    public interface IUartPort
    {
        void Write(byte[] buffer, int offset, int count);
    }
}
