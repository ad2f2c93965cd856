using System.CommandLine;
using MealGateway.Accounts;

namespace MealGateway.Cli;

/// <summary>
/// `account add|list|disable|password|token`: operator accounts for the HTTP API (docs/security.md).
/// Works while the gateway runs. Passwords come from --password-file (or "-" for stdin) or
/// MEAL_GATEWAY_PASSWORD, never from an argument.
/// </summary>
public static class AccountCommands
{
    public const string PasswordVariable = "MEAL_GATEWAY_PASSWORD";

    public static Command Build(Option<string> data)
    {
        var name = new Option<string>("--name") { Description = "Account name (letters, digits, . _ -, at most 32)", Required = true };
        var role = new Option<string>("--role") { Description = "county | township | site-host", Required = true };
        var sites = new Option<string[]>("--site") { Description = "Site of a township or site-host account (repeatable)", AllowMultipleArgumentsPerToken = true };
        var passwordFile = new Option<string?>("--password-file") { Description = $"File with the password, - for stdin (or set {PasswordVariable})" };
        var days = new Option<int>("--days") { Description = "Days the token is valid (1..365)", DefaultValueFactory = _ => 30 };

        var add = new Command("add", "Create an operator account") { data, name, role, sites, passwordFile };
        add.SetAction(parse =>
        {
            if (!OperatorAccount.TryParseRole(parse.GetValue(role), out var r))
            {
                return Fail("--role 应为 county、township 或 site-host");
            }

            string? password = SecretInput.Read(parse.GetValue(passwordFile), PasswordVariable, "密码", out string problem);
            problem = password is null ? problem : Store(parse, data).Add(parse.GetValue(name)!, r, parse.GetValue(sites) ?? [], password) ?? string.Empty;
            return problem.Length > 0 ? Fail(problem) : Done($"已创建账户 {parse.GetValue(name)}（{parse.GetValue(role)}）。登录：POST /api/login");
        });

        var list = new Command("list", "List operator accounts") { data };
        list.SetAction(parse =>
        {
            foreach (var a in Store(parse, data).All())
            {
                string state = a.IsActive ? "active" : $"disabled {a.DisabledUtc:yyyy-MM-dd HH:mm}Z";
                Console.WriteLine($"{a.Id}\t{OperatorAccount.RoleName(a.Role)}\t{string.Join(',', a.Sites)}\t{state}");
            }

            return 0;
        });

        var disable = new Command("disable", "Disable an account and delete its tokens (its sessions end at their next request)") { data, name };
        disable.SetAction(parse => Store(parse, data).Disable(parse.GetValue(name)!) ? Done("已停用") : Fail($"没有账户 {IdRule.Shown(parse.GetValue(name))}"));

        var password = new Command("password", "Set a new password (deletes the account's tokens)") { data, name, passwordFile };
        password.SetAction(parse =>
        {
            string? secret = SecretInput.Read(parse.GetValue(passwordFile), PasswordVariable, "密码", out string problem);
            problem = secret is null ? problem : Store(parse, data).SetPassword(parse.GetValue(name)!, secret) ?? string.Empty;
            return problem.Length > 0 ? Fail(problem) : Done("密码已更改");
        });

        var token = new Command("token", "Issue a bearer token for scripts; printed once") { data, name, days };
        token.SetAction(parse =>
        {
            if (parse.GetValue(days) is < 1 or > 365)
            {
                return Fail("--days 应在 1..365 之间");
            }

            string? issued = Store(parse, data).IssueToken(parse.GetValue(name)!, TimeSpan.FromDays(parse.GetValue(days)));
            return issued is null ? Fail($"没有启用的账户 {IdRule.Shown(parse.GetValue(name))}") : Done(issued);
        });

        return new Command("account", "Operator accounts for the HTTP API") { add, list, disable, password, token };
    }

    private static AccountStore Store(ParseResult parse, Option<string> data) => new(parse.GetValue(data)!, TimeProvider.System);

    private static int Fail(string problem)
    {
        Console.Error.WriteLine($"错误：{problem}");
        return 2;
    }

    private static int Done(string message)
    {
        Console.WriteLine(message);
        return 0;
    }
}
