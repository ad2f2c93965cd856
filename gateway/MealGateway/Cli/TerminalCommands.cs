using System.CommandLine;
using MealGateway.Broker;

namespace MealGateway.Cli;

/// <summary>`terminal add|revoke|list`: provision terminal logins for the embedded broker.</summary>
public static class TerminalCommands
{
    public static Command Build(Option<string> data)
    {
        var site = new Option<string>("--site") { Description = "Site id (topic level), e.g. S01", Required = true };
        var terminal = new Option<string>("--terminal") { Description = "Terminal id (topic level), e.g. T01", Required = true };
        var secret = new Option<string?>("--secret") { Description = "Use this secret instead of a new random one" };

        var add = new Command("add", "Provision (or re-provision) a terminal; prints its MQTT user name and secret once") { data, site, terminal, secret };
        add.SetAction(parse =>
        {
            string s = parse.GetValue(site)!, t = parse.GetValue(terminal)!;
            if ((IdRule.Problem(s, "站点编号") ?? IdRule.Problem(t, "终端编号")) is { } problem)
            {
                Console.Error.WriteLine($"错误：{problem}");
                return 2;
            }

            string issued = new CredentialStore(parse.GetValue(data)!).Provision(s, t, parse.GetValue(secret));
            Console.WriteLine($"mqtt.user={TerminalCredential.UserNameOf(s, t)}");
            Console.WriteLine($"mqtt.password={issued}");
            Console.WriteLine($"client id: terminal-{s}-{t}. The secret is stored only hashed; note it now.");
            return 0;
        });

        var revoke = new Command("revoke", "Revoke a terminal's login (refused from its next connection)") { data, site, terminal };
        revoke.SetAction(parse =>
        {
            bool found = new CredentialStore(parse.GetValue(data)!).Revoke(parse.GetValue(site)!, parse.GetValue(terminal)!);
            Console.WriteLine(found ? "revoked" : "no such terminal");
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

        return new Command("terminal", "Terminal logins for the embedded broker") { add, revoke, list };
    }
}
