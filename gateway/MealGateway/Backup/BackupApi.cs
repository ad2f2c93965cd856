using MealGateway.Storage;
using MealGateway.Web;

namespace MealGateway.Backup;

/// <summary>
/// GET /api/backup: a consistent zip of the running gateway's databases (county role only: it
/// holds every elder's meals and the password hashes). The `backup --url` command calls it.
/// </summary>
public static class BackupApi
{
    public static void Map(WebApplication app, MealStore store, string dataDirectory)
    {
        app.MapGet("/api/backup", () =>
        {
            // Built in a temporary file first (the copy holds the store's lock, the download may be slow),
            // inside the owner-only data directory: it holds what the database holds.
            string path = Path.Combine(dataDirectory, $".backup-{Guid.NewGuid():N}.zip");
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            GatewayBackup.Write(store, dataDirectory, file);
            file.Position = 0;
            return Results.File(file, "application/zip", $"meal-backup-{DateTime.UtcNow:yyyyMMdd-HHmmss}Z.zip");
        }).RequireAuthorization(AccessPolicy.County);
    }
}
