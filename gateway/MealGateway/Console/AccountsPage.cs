using System.Text;
using MealGateway.Accounts;
using MealGateway.Web;
using static MealGateway.OperatorConsole.ConsolePage;

namespace MealGateway.OperatorConsole;

/// <summary>
/// 账户 (county only): the operator accounts, add one, change its role and sites, revoke it
/// (AccountStore, as the `account` commands). A revoked account's sessions and tokens end at once.
/// </summary>
public static class AccountsPage
{
    public static void Map(WebApplication app, ConsoleServices services)
    {
        app.MapGet("/console/accounts", (HttpContext context) => Page(context, services, null)).RequireAuthorization(AccessPolicy.County);

        app.MapPost("/console/accounts", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            string name = form["name"].ToString().Trim();
            string? problem = !OperatorAccount.TryParseRole(form["role"], out var role) ? $"未知角色 '{form["role"]}'"
                : services.Accounts.Add(name, role, Sites(form["sites"]), form["password"].ToString());
            return Page(context, services, problem is null ? Notice(true, $"账户 {name} 已创建") : Notice(false, problem), problem is null ? 200 : 400);
        }).RequireAuthorization(AccessPolicy.County);

        app.MapPost("/console/accounts/{name}/role", async (string name, HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            string? problem = !OperatorAccount.TryParseRole(form["role"], out var role) ? $"未知角色 '{form["role"]}'"
                : name == OperatorAuthentication.Of(context)!.Id && role != OperatorRole.County ? "不能降低自己账户的角色（会失去账户管理权限）"
                : services.Accounts.ChangeRole(name, role, Sites(form["sites"]));
            return Page(context, services, problem is null ? Notice(true, $"账户 {name} 的角色已改") : Notice(false, problem), problem is null ? 200 : 400);
        }).RequireAuthorization(AccessPolicy.County);

        app.MapPost("/console/accounts/{name}/revoke", (string name, HttpContext context) =>
        {
            if (name == OperatorAuthentication.Of(context)!.Id)
            {
                return Page(context, services, Notice(false, "不能停用自己正在使用的账户"), 400);
            }

            return services.Accounts.Disable(name)
                ? Page(context, services, Notice(true, $"账户 {name} 已停用，其会话和令牌随即失效"))
                : Page(context, services, Notice(false, $"没有账户 {name}"), 404);
        }).RequireAuthorization(AccessPolicy.County);
    }

    private static string[] Sites(string? text) =>
        (text ?? string.Empty).Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IResult Page(HttpContext context, ConsoleServices services, string? notice, int status = 200)
    {
        string self = OperatorAuthentication.Of(context)!.Id;
        var html = new StringBuilder(notice ?? string.Empty);
        html.Append(Table("accounts", ["账户", "角色", "站点", "创建时间", "状态", "改角色", ""], services.Accounts.All().Select(a => new[]
        {
            H(a.Id), RoleLabel(a.Role), H(string.Join(", ", a.Sites)), services.Local(a.CreatedUtc),
            a.IsActive ? "正常" : $"已停用 {services.Local(a.DisabledUtc)}",
            a.IsActive ? Form(context, $"/console/accounts/{a.Id}/role", RoleSelect(a.Role, $"role-{a.Id}") + $"<input name=\"sites\" value=\"{H(string.Join(",", a.Sites))}\" placeholder=\"站点，逗号分隔\" aria-label=\"站点\"><button>修改</button>", "inline") : string.Empty,
            a.IsActive && a.Id != self ? Form(context, $"/console/accounts/{a.Id}/revoke", "<button class=\"danger\" data-confirm=\"停用后该账户不能再登录，确定吗？\">停用</button>", "inline") : string.Empty,
        })));
        html.Append("<h2>添加账户</h2>").Append(Form(context, "/console/accounts",
            "<label>账户名 <input name=\"name\" id=\"new-name\" required></label>" + "<label>角色 " + RoleSelect(OperatorRole.Township, "new-role") + "</label>"
            + "<label>站点 <input name=\"sites\" id=\"new-sites\" placeholder=\"S01,S02（县级留空）\"></label>"
            + $"<label>初始密码 <input name=\"password\" id=\"new-password\" type=\"password\" required minlength=\"{AccountStore.MinimumPasswordLength}\" autocomplete=\"new-password\"></label>"
            + "<button id=\"add-account\">添加</button>", "stack"));
        html.Append("<p class=\"hint\">县级：查看所有站点、审核、结算、管理账户；乡镇：管理所辖站点的名册、配置和终端；站点：查看本站点。</p>");
        return Render(context, "账户", html.ToString(), status);
    }

    private static string RoleSelect(OperatorRole selected, string id) =>
        $"<select name=\"role\" id=\"{id}\">" + string.Concat(new[] { OperatorRole.County, OperatorRole.Township, OperatorRole.SiteHost }.Select(r =>
            $"<option value=\"{OperatorAccount.RoleName(r)}\"{(r == selected ? " selected" : string.Empty)}>{RoleLabel(r)}</option>")) + "</select>";
}
