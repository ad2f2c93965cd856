using System.CommandLine;
using System.Text.Json;
using MealGateway.Downloads;
using MealGateway.Storage;

namespace MealGateway.Cli;

/// <summary>`voicepack`: store the county's voice pack, or one site's, on a stopped gateway's database (docs/voice.md).</summary>
internal static class VoicePackCommand
{
    public static Command Build(Option<string> data)
    {
        var site = new Option<string>("--site") { Description = "Site id; without it the pack is the county's, for every site without its own" };
        var file = new Option<string>("--file") { Description = "The voice pack (.vpk, made by MealTerminal.VoiceGen or VoicePackFormat.Build)", Required = true };
        var command = new Command("voicepack", "Store a voice pack; the terminals fetch it when they next connect") { data, site, file };
        command.SetAction(parse => Import(parse.GetValue(data)!, parse.GetValue(site), parse.GetValue(file)!));
        return command;
    }

    private static int Import(string dir, string? site, string file)
    {
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"错误：找不到文件 '{file}'");
            return 2;
        }

        Directory.CreateDirectory(dir);
        MealStore store;
        try
        {
            store = new MealStore(dir, 8 * 60);
        }
        catch (IOException)
        {
            Console.Error.WriteLine($"错误：数据库正被运行中的网关使用 (database in use by a running gateway); 请改用 POST /api/voicepacks{(site is null ? string.Empty : "/" + site)}");
            return 3;
        }

        using (store)
        {
            var image = VoicePacks.Import(new SiteImages(store), site, File.ReadAllBytes(file), DateTime.UtcNow, out string? problem);
            if (image is null)
            {
                Console.Error.WriteLine($"错误：语音包有问题，未保存：{problem}");
                return 2;
            }

            Console.WriteLine(JsonSerializer.Serialize(SiteFiles.Describe(image)));
            return 0;
        }
    }
}
