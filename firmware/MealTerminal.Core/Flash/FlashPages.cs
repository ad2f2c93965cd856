namespace MealTerminal.Core.Flash
{
    /// <summary>Programs a run of bytes that may span program pages, one page-bounded piece at a time.</summary>
    public static class FlashPages
    {
        public static void Program(IFlash flash, int address, byte[] data, int offset, int count)
        {
            int done = 0;
            while (done < count)
            {
                int pageRoom = flash.PageSize - ((address + done) % flash.PageSize);
                int n = count - done < pageRoom ? count - done : pageRoom;
                flash.Program(address + done, data, offset + done, n);
                done += n;
            }
        }
    }
}
