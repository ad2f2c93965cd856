using System.IO.Compression;
using LiteDB;
using MealGateway.Storage;

namespace MealGateway.Backup;

/// <summary>
/// A backup of a gateway's data directory as one zip: meals.db (records, tallies, statements,
/// outbox; a page copy taken under the store's lock after a checkpoint), terminals.db and
/// accounts.db (copied document by document through LiteDB's shared mode, as the CLI uses them
/// while the gateway runs). Restore unpacks into an empty data directory and opens it once, so a
/// backup that cannot be read is refused before anything is kept (docs/deploy.md, "Backup").
/// </summary>
public static class GatewayBackup
{
    public static readonly string[] SideDatabases = ["terminals.db", "accounts.db"];

    /// <summary>Writes the zip from a running gateway's open store (HTTP), or from a stopped gateway's store (CLI).</summary>
    public static void Write(MealStore store, string dataDirectory, Stream zip)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = archive.CreateEntry("meals.db", CompressionLevel.Fastest).Open())
        {
            store.CopyTo(entry);
        }

        foreach (string name in SideDatabases)
        {
            string source = Path.Combine(dataDirectory, name);
            if (!File.Exists(source))
            {
                continue;
            }

            string copy = Path.Combine(dataDirectory, $".backup-{Guid.NewGuid():N}.db"); // owner-only, like the source
            try
            {
                CopyDocuments(source, copy);
                archive.CreateEntryFromFile(copy, name, CompressionLevel.Fastest);
            }
            finally
            {
                File.Delete(copy);
                File.Delete(Path.ChangeExtension(copy, null) + "-log.db");
            }
        }
    }

    /// <summary>
    /// Unpacks a backup into a new data directory. Returns null and leaves nothing behind when the
    /// directory already holds a database or the backup is not one; else what was restored.
    /// </summary>
    public static RestoredData? Restore(Stream zip, string dataDirectory, out string problem)
    {
        problem = string.Empty;
        if (File.Exists(Path.Combine(dataDirectory, "meals.db")))
        {
            problem = $"'{Path.GetFullPath(dataDirectory)}' 中已有网关数据库，恢复只写入新的空目录 (restore only into an empty data directory)";
            return null;
        }

        string staging = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataDirectory))!, $".restore-{Guid.NewGuid():N}");
        try
        {
            DataFiles.CreateDirectory(staging);
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true))
            {
                foreach (string name in SideDatabases.Prepend("meals.db"))
                {
                    archive.GetEntry(name)?.ExtractToFile(Path.Combine(staging, name));
                }
            }

            if (!File.Exists(Path.Combine(staging, "meals.db")))
            {
                problem = "备份文件中没有 meals.db (not a gateway backup)";
                return null;
            }

            RestoredData restored;
            using (var store = new MealStore(staging, 8 * 60))
            {
                var terminals = store.Terminals();
                restored = new RestoredData(terminals.Sum(t => t.RecordsStored), terminals.Count, new Settlement.SettlementStore(store).Heads().Count);
            }

            DataFiles.CreateDirectory(dataDirectory);
            foreach (string file in Directory.GetFiles(staging))
            {
                File.Move(file, Path.Combine(dataDirectory, Path.GetFileName(file)));
                DataFiles.RestrictToOwner(Path.Combine(dataDirectory, Path.GetFileName(file)));
            }

            return restored;
        }
        catch (Exception ex) when (ex is InvalidDataException or LiteException or IOException)
        {
            problem = $"备份文件无法读取，未恢复 (backup unreadable): {ex.Message}";
            return null;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static void CopyDocuments(string source, string target)
    {
        using var from = new LiteDatabase($"Filename={source};Connection=shared");
        using var to = new LiteDatabase($"Filename={target}");
        foreach (string name in from.GetCollectionNames())
        {
            to.GetCollection(name).InsertBulk(from.GetCollection(name).FindAll());
        }
    }
}

/// <summary>What a restore put back, for the operator to compare with the gateway it came from.</summary>
public sealed record RestoredData(long Records, int Terminals, int Statements);
