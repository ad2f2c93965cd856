namespace MealGateway;

/// <summary>
/// The data directory and the database files in it are the gateway user's alone: elders' ids and
/// categories, meal days and password hashes must not be readable by other local users. The
/// directory is created 0700 and each database file 0600 (no effect on Windows, where the
/// directory's ACL applies).
/// </summary>
public static class DataFiles
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the directory owner-only; an existing one is left as its owner set it.</summary>
    public static void CreateDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, DirectoryMode);
        }
    }

    /// <summary>Makes a LiteDB file and its log owner-only (read and write).</summary>
    public static void RestrictToOwner(string databasePath)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (string path in new[] { databasePath, Path.ChangeExtension(databasePath, null) + "-log" + Path.GetExtension(databasePath) })
        {
            if (File.Exists(path) && File.GetUnixFileMode(path) != FileMode)
            {
                File.SetUnixFileMode(path, FileMode);
            }
        }
    }
}
