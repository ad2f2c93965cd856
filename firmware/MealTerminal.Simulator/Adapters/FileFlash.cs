using MealTerminal.Core.Flash;

namespace MealTerminal.Simulator.Adapters;

/// <summary>
/// The emulated NOR chip persisted to a file, written through on every program and erase, so a
/// simulated terminal keeps its ledger and roster across restarts like the real flash.
/// </summary>
public sealed class FileFlash : RamFlash, IDisposable
{
    private readonly FileStream file;

    public FileFlash(string path, int sectorCount, int sectorSize = 4096, int pageSize = 256)
        : base(sectorCount, sectorSize, pageSize)
    {
        bool existed = File.Exists(path);
        file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
        if (existed && file.Length == Memory.Length)
        {
            file.ReadExactly(Memory, 0, Memory.Length);
        }
        else
        {
            file.SetLength(0);
            file.Write(Memory, 0, Memory.Length);
            file.Flush();
        }
    }

    public override void Program(int address, byte[] data, int offset, int count)
    {
        base.Program(address, data, offset, count);
        WriteThrough(address, count);
    }

    public override void EraseSector(int sector)
    {
        base.EraseSector(sector);
        WriteThrough(sector * SectorSize, SectorSize);
    }

    public void Dispose() => file.Dispose();

    private void WriteThrough(int address, int count)
    {
        file.Position = address;
        file.Write(Memory, address, count);
        file.Flush();
    }
}
