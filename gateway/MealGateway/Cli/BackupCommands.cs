using System.CommandLine;
using System.Net.Http.Headers;
using MealGateway.Backup;

namespace MealGateway.Cli;

/// <summary>
/// `backup` and `restore` (docs/deploy.md, "Backup"). A running gateway is backed up through its
/// HTTP API (--url, with a county operator's bearer token), consistently while it ingests; a stopped
/// one from its data directory. Restore writes only into a new, empty data directory.
/// </summary>
internal static class BackupCommands
{
    public static IEnumerable<Command> Build(Option<string> data)
    {
        var output = new Option<string>("--out") { Description = "Backup file to write (.zip)", Required = true };
        var url = new Option<string?>("--url") { Description = "HTTP address of the running gateway, e.g. http://127.0.0.1:5080 (without it: the stopped gateway's --data)" };
        var token = new Option<string?>("--token-file") { Description = "File with a county operator's bearer token (`account token`), - for stdin (or set MEAL_GATEWAY_TOKEN)" };
        var backup = new Command("backup", "Back up the gateway's databases into one zip: online through --url, or a stopped gateway's --data") { data, output, url, token };
        backup.SetAction(async (parse, cancel) => await BackupAsync(parse.GetValue(data)!, parse.GetValue(output)!, parse.GetValue(url), parse.GetValue(token), cancel));

        var from = new Option<string>("--from") { Description = "Backup file (.zip) made by `backup`", Required = true };
        var restore = new Command("restore", "Restore a backup into a new, empty data directory (--data)") { data, from };
        restore.SetAction(parse => Restore(parse.GetValue(from)!, parse.GetValue(data)!));
        return [backup, restore];
    }

    private static async Task<int> BackupAsync(string dir, string output, string? url, string? tokenFile, CancellationToken cancel)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(output)) is { } folder && !Directory.Exists(folder))
        {
            Console.Error.WriteLine($"错误：文件夹 '{folder}' 不存在 (folder does not exist)");
            return 2;
        }

        if (url is null)
        {
            using var store = OfflineStore.Open(dir, "网关运行时请用 backup --url http://127.0.0.1:5080 --token-file ...", out int exit);
            if (store is null)
            {
                return exit;
            }

            await using var file = OwnerOnly(output);
            GatewayBackup.Write(store, dir, file);
        }
        else
        {
            string? bearer = SecretInput.Read(tokenFile, "MEAL_GATEWAY_TOKEN", "令牌", out string problem);
            if (bearer is null)
            {
                Console.Error.WriteLine($"错误：{problem}");
                return 2;
            }

            using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = Timeout.InfiniteTimeSpan };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer.Trim());
            HttpResponseMessage answer;
            try
            {
                answer = await client.GetAsync("/api/backup", HttpCompletionOption.ResponseHeadersRead, cancel);
            }
            catch (HttpRequestException ex)
            {
                Console.Error.WriteLine($"错误：连不上网关 {url} (cannot reach the gateway): {ex.Message}");
                return 3;
            }

            if (!answer.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"错误：网关拒绝备份请求 (HTTP {(int)answer.StatusCode})；需要县级账户的令牌 (a county operator's token)");
                return 3;
            }

            await using var file = OwnerOnly(output);
            await answer.Content.CopyToAsync(file, cancel);
        }

        Console.WriteLine($"已备份 → {Path.GetFullPath(output)} ({new FileInfo(output).Length / 1024} KB)");
        return 0;
    }

    /// <summary>The backup holds what the database holds: created 0600 like the databases (DataFiles).</summary>
    private static FileStream OwnerOnly(string path) => OperatingSystem.IsWindows()
        ? File.Create(path)
        : new FileStream(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = DataFiles.FileMode });

    private static int Restore(string from, string dir)
    {
        if (!File.Exists(from))
        {
            Console.Error.WriteLine($"错误：找不到备份文件 '{from}'");
            return 2;
        }

        using var zip = File.OpenRead(from);
        var restored = GatewayBackup.Restore(zip, dir, out string problem);
        if (restored is null)
        {
            Console.Error.WriteLine($"错误：{problem}");
            return 2;
        }

        Console.WriteLine($"已恢复到 {Path.GetFullPath(dir)}：记录 {restored.Records} 条，终端 {restored.Terminals} 台，结算单 {restored.Statements} 份");
        return 0;
    }
}
