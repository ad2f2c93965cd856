using MealTerminal.Core.Flash;

namespace MealTerminal.Core.SelfTest
{
    /// <summary>
    /// On the device: erase, program and read back the real chip's reserved scratch sector, so a
    /// chip that ignores commands or flips bits is found before it holds meals.
    /// </summary>
    internal static class ScratchCheck
    {
        public static string Run(IFlash flash, int sector)
        {
            int size = flash.SectorSize;
            int page = flash.PageSize;
            int start = sector * size;
            byte[] buffer = new byte[page];
            flash.EraseSector(sector);
            string problem = Verify(flash, start, size, buffer, -1);
            if (problem != null)
            {
                return "after erase: " + problem;
            }

            for (int at = 0; at < size; at += page)
            {
                Fill(buffer, at);
                flash.Program(start + at, buffer, 0, page);
            }

            problem = Verify(flash, start, size, buffer, 0);
            flash.EraseSector(sector); // leave it blank either way
            return problem == null ? null : "after program: " + problem;
        }

        /// <summary>pattern -1: every byte 0xFF; otherwise the address-derived pattern.</summary>
        private static string Verify(IFlash flash, int start, int size, byte[] buffer, int pattern)
        {
            byte[] expected = new byte[buffer.Length];
            for (int at = 0; at < size; at += buffer.Length)
            {
                flash.Read(start + at, buffer, 0, buffer.Length);
                if (pattern >= 0)
                {
                    Fill(expected, at);
                }

                for (int i = 0; i < buffer.Length; i++)
                {
                    byte want = pattern < 0 ? (byte)0xFF : expected[i];
                    if (buffer[i] != want)
                    {
                        return "byte at offset " + (at + i).ToString() + " reads " + buffer[i].ToString() + ", expected " + want.ToString();
                    }
                }
            }

            return null;
        }

        private static void Fill(byte[] buffer, int offset)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                int a = offset + i;
                buffer[i] = (byte)((a * 31) ^ (a >> 8) ^ 0xA5);
            }
        }
    }
}
