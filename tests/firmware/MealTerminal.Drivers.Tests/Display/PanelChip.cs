using MealTerminal.Drivers.Display;

namespace MealTerminal.Drivers.Tests.Display;

/// <summary>
/// A fake ILI9341 / ST7789 that keeps the register file a driver can reach: the commands it was
/// sent in order, the column and page window, and the 320x240 frame memory written by RAMWR
/// (pixels fill the window row by row, two bytes each, high byte first, as in the datasheets).
/// </summary>
public sealed class PanelChip : IPanelBus
{
    private readonly ushort[] memory = new ushort[320 * 240];
    private int columnStart;
    private int columnEnd;
    private int pageStart;
    private int pageEnd;
    private int column;
    private int page;
    private bool writing;
    private int pendingHigh = -1;

    public List<byte> Commands { get; } = new();

    public List<byte[]> Parameters { get; } = new();

    public int Resets { get; private set; }

    public int PixelsWritten { get; private set; }

    public int Pixel(int x, int y) => memory[(y * 320) + x];

    public void HardwareReset() => Resets++;

    public void Command(byte command, byte[] parameters, int count)
    {
        Commands.Add(command);
        Parameters.Add(parameters[..count]);
        writing = command == SpiPanel.MemoryWrite;
        pendingHigh = -1;
        if (command == SpiPanel.ColumnAddressSet)
        {
            columnStart = (parameters[0] << 8) | parameters[1];
            columnEnd = (parameters[2] << 8) | parameters[3];
        }
        else if (command == SpiPanel.PageAddressSet)
        {
            pageStart = (parameters[0] << 8) | parameters[1];
            pageEnd = (parameters[2] << 8) | parameters[3];
        }
        else if (writing)
        {
            column = columnStart;
            page = pageStart;
        }
    }

    public void Data(byte[] data, int offset, int count)
    {
        Assert.True(writing, "pixel data outside a memory write");
        for (int i = offset; i < offset + count; i++)
        {
            if (pendingHigh < 0)
            {
                pendingHigh = data[i];
                continue;
            }

            Assert.InRange(page, pageStart, pageEnd); // never more pixels than the window holds
            memory[(page * 320) + column] = (ushort)((pendingHigh << 8) | data[i]);
            pendingHigh = -1;
            PixelsWritten++;
            if (++column > columnEnd)
            {
                column = columnStart;
                page++;
            }
        }
    }
}
