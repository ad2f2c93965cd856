using System.CommandLine;
using MealGateway.Broker;
using MealGateway.Storage;

namespace MealGateway.Cli;

/// <summary>
/// `terminal add|revoke|list`: provision terminal logins for the embedded broker; `terminal
/// reset-epoch`: accept a replaced or wiped terminal's new ledger epoch after review.
/// </summary>
public static class TerminalCommands
{
    public const string SecretVariable = "MEAL_GATEWAY_TERMINAL_SECRET";

    public static Command Build(Option<string> data)
    {
        var site = new Option<string>("--site") { Description = "Site id (topic level), e.g. S01", Required = true };
        var terminal = new Option<string>("--terminal") { Description = "Terminal id (topic level), e.g. T01", Required = true };
        var secretFile = new Option<string?>("--secret-file") { Description = $"File with the secret to use instead of a new random one, - for stdin (or set {SecretVariable})" };
        var rotate = new Option<bool>("--rotate") { Description = "Replace an existing terminal's secret (the old one stops working)" };

        var add = new Command("add", "Provision a terminal; prints its MQTT user name and secret once") { data, site, terminal, secretFile, rotate };
        add.SetAction(parse =>
        {
            string s = parse.GetValue(site)!, t = parse.GetValue(terminal)!;
            if ((IdRule.Problem(s, "站点编号") ?? IdRule.Problem(t, "终端编号")) is { } problem)
            {
                Console.Error.WriteLine($"错误：{problem}");
                return 2;
            }

            var store = new CredentialStore(parse.GetValue(data)!);
            if (!parse.GetValue(rotate) && store.All().Any(c => c.Site == s && c.Terminal == t))
            {
                Console.Error.WriteLine($"错误：终端 {s}/{t} 已存在，未改动。换新密钥（旧密钥随即失效）须加 --rotate");
                return 2;
            }

            string? secret = null;
            if (parse.GetValue(secretFile) is not null || Environment.GetEnvironmentVariable(SecretVariable) is not null)
            {
                secret = SecretInput.Read(parse.GetValue(secretFile), SecretVariable, "终端密钥", out string secretProblem);
                if (secret is null)
                {
                    Console.Error.WriteLine($"错误：{secretProblem}");
                    return 2;
                }
            }

            string issued = store.Provision(s, t, secret);
            Console.WriteLine($"mqtt.user={TerminalCredential.UserNameOf(s, t)}");
            Console.WriteLine($"mqtt.password={issued}");
            Console.WriteLine($"client id: terminal-{s}-{t}. The secret is stored only hashed; note it now.");
            return 0;
        });

        var revoke = new Command("revoke", "Revoke a terminal's login (a running gateway disconnects it at once)") { data, site, terminal };
        revoke.SetAction(parse =>
        {
            bool found = new CredentialStore(parse.GetValue(data)!).Revoke(parse.GetValue(site)!, parse.GetValue(terminal)!);
            Console.WriteLine(found ? "revoked; a running gateway ends its live session now" : "no such terminal");
            return found ? 0 : 1;
        });

        var list = new Command("list", "List provisioned terminals") { data };
        list.SetAction(parse =>
        {
            foreach (var c in new CredentialStore(parse.GetValue(data)!).All())
            {
                string state = c.RevokedUtc is null ? "active" : $"revoked {c.RevokedUtc:yyyy-MM-dd HH:mm}Z";
                Console.WriteLine($"{c.Id}\t{state}\tprovisioned {c.ProvisionedUtc:yyyy-MM-dd HH:mm}Z");
            }

            return 0;
        });

        return new Command("terminal", "Terminal logins for the embedded broker, and terminal identity") { add, revoke, list, ResetEpoch(data, site, terminal) };
    }

    private static Command ResetEpoch(Option<string> data, Option<string> site, Option<string> terminal)
    {
        var by = new Option<string>("--by") { Description = "Operator who reviewed the conflict (stored with the change)", Required = true };
        var command = new Command("reset-epoch", "Accept the ledger epoch a terminal's refused batches carry (replaced or wiped terminal)") { data, site, terminal, by };
        command.SetAction(parse =>
        {
            using var store = OfflineStore.Open(parse.GetValue(data)!, "use POST /api/terminals/{site}/{terminal}/reset-epoch?by=... instead", out int exit);
            if (store is null)
            {
                return exit;
            }

            string s = parse.GetValue(site)!, t = parse.GetValue(terminal)!;
            var acceptance = store.AcceptEpoch(s, t, parse.GetValue(by)!.Trim(), DateTime.UtcNow);
            if (acceptance.Change is not { } change)
            {
                Console.Error.WriteLine(acceptance.Status == EpochAcceptanceStatus.NoSuchTerminal
                    ? $"错误：没有终端 {s}/{t} 的上传记录" : $"错误：终端 {s}/{t} 没有待处理的身份冲突");
                return 1;
            }

            Console.WriteLine($"已接受终端 {s}/{t} 的新账本纪元 {change.NewEpoch:x8}（原 {change.OldEpoch:x8}）：其序号 {change.FirstSequence} 起"
                + $"按网关序号 {change.SequenceBase} + 终端序号入库；终端下次上传（最多 10 分钟）即补传。");
            return 0;
        });
        return command;
    }
}
