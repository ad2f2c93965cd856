using System.CommandLine;
using System.Text.Json;
using MealGateway.Downloads;
using MealGateway.Policy;
using MealGateway.Storage;

namespace MealGateway.Cli;

/// <summary>`roster` and `config`: give a site a new roster or terminal configuration, on a stopped gateway's database.</summary>
internal static class DownloadCommands
{
    public static IEnumerable<Command> Build(Option<string> data)
    {
        foreach (var (kind, what) in new[] { ("roster", "roster CSV (docs/rosters.md)"), ("config", "terminal configuration file (docs/rosters.md)") })
        {
            var site = new Option<string>("--site") { Description = "Site id", Required = true };
            var file = new Option<string>("--file") { Description = $"The {what}", Required = true };
            var command = new Command(kind, $"Store a site's new {what}; its terminals fetch it when they next connect") { data, site, file };
            var policy = new Option<string>("--policy") { Description = "Subsidy policy file the configuration's periods and prices are checked against (docs/policy.md)", Required = true };
            var names = new Option<string>("--names") { Description = "Elders' names on terminal screens, the county's rule: 遮挡 (王＊英), 全名 or 不显示", DefaultValueFactory = _ => "遮挡" };
            command.Add(kind == "config" ? policy : names);
            command.SetAction(parse => Import(kind, parse.GetValue(data)!, parse.GetValue(site)!, parse.GetValue(file)!, kind == "config" ? parse.GetValue(policy) : null,
                kind == "roster" ? parse.GetValue(names)! : "遮挡"));
            yield return command;
        }
    }

    private static int Import(string kind, string dir, string site, string file, string? policyPath, string nameRule)
    {
        if (!RosterNames.TryParseDisplay(nameRule, out var names))
        {
            Console.Error.WriteLine("错误：--names 应为 遮挡, 全名 或 不显示");
            return 2;
        }

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
            Console.Error.WriteLine($"错误：数据库正被运行中的网关使用 (database in use by a running gateway); 请改用 POST /api/{kind}s/{site}");
            return 3;
        }

        using (store)
        {
            SubsidyPolicy? policy = null;
            if (policyPath is not null)
            {
                var running = new RunningPolicy(policyPath, store.Periods);
                if (!running.TryReload(out string problem))
                {
                    Console.Error.WriteLine($"错误：补贴政策文件有问题，配置未保存：{Environment.NewLine}{problem}");
                    return 2;
                }

                policy = running.Current;
            }

            var image = SiteFiles.Import(new SiteImages(store), kind, site, File.ReadAllBytes(file), Path.GetFileName(file), DateTime.UtcNow, policy, out var problems, names);
            if (image is null)
            {
                Console.Error.WriteLine($"错误：文件有问题，未保存：{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
                return 2;
            }

            Console.WriteLine(JsonSerializer.Serialize(SiteFiles.Describe(image)));
            return 0;
        }
    }
}
