using MealGateway.Storage;

namespace MealGateway.Cli;

/// <summary>Opens the gateway database for a command, or says clearly why it cannot (exit code 2 or 3).</summary>
internal static class OfflineStore
{
    public static MealStore? Open(string directory, string whenRunning, out int exitCode)
    {
        exitCode = 0;
        if (!File.Exists(Path.Combine(directory, "meals.db")))
        {
            Console.Error.WriteLine($"错误：'{Path.GetFullPath(directory)}' 中没有网关数据库 (no gateway database there)");
            exitCode = 2;
            return null;
        }

        try
        {
            return new MealStore(directory, 8 * 60);
        }
        catch (IOException)
        {
            // The database files are opened exclusively (Storage/DatabaseFile): a gateway is running on them.
            Console.Error.WriteLine($"错误：数据库正被运行中的网关使用 (database in use by a running gateway); {whenRunning}");
            exitCode = 3;
            return null;
        }
    }

    public static bool IsMonth(string? month, out int exitCode)
    {
        exitCode = month is { Length: 7 } && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out _) ? 0 : 2;
        if (exitCode != 0)
        {
            Console.Error.WriteLine($"错误：--month 应为 yyyy-MM，收到 '{month}'");
        }

        return exitCode == 0;
    }
}
