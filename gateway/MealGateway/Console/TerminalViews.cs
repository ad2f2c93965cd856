using MealGateway.Accounts;
using MealGateway.Broker;
using MealGateway.Terminals;

namespace MealGateway.OperatorConsole;

/// <summary>One terminal as the console shows it: uploads and status (TerminalList), its login, and the gateway's liveness verdict.</summary>
public sealed record TerminalView(string Site, string Terminal, TerminalRow? Row, TerminalCredential? Login, Liveness Liveness)
{
    public StatusReport? Status => Row?.Status;

    /// <summary>Why the operator should look at this terminal, most urgent first; empty when all is well.</summary>
    public IEnumerable<string> Problems()
    {
        if (Row?.Identity?.ConflictEpoch is not null)
        {
            yield return "身份冲突：更换或清空过的终端，上传被拒，须在终端页核实后接受新账本";
        }

        if (Liveness == Liveness.Silent)
        {
            yield return $"静默：超过 {TerminalLiveness.SilentAfter.TotalMinutes:0} 分钟没有心跳" + (Status is { RecordsPending: > 0 } s ? $"，{s.RecordsPending} 条记录未上传" : string.Empty);
        }
        else if (Liveness == Liveness.Offline)
        {
            yield return "离线：与网关的连接已断开";
        }

        if (Status is { } status && Liveness != Liveness.Offline)
        {
            if (status.StorageUsedPercent >= 80)
            {
                yield return $"存储已用 {status.StorageUsedPercent}%";
            }

            if (!status.ClockValid)
            {
                yield return "时钟无效：记录暂无时间";
            }

            if (!status.ReaderHealthy)
            {
                yield return "读卡器故障";
            }
        }

        if (Login is { RevokedUtc: not null } && Liveness == Liveness.Online)
        {
            yield return "密钥已吊销，但终端仍在线";
        }
    }
}

public static class TerminalViews
{
    /// <summary>Every terminal the operator may see: provisioned, uploaded or reporting status.</summary>
    public static IReadOnlyList<TerminalView> For(ConsoleServices services, OperatorAccount account)
    {
        var rows = TerminalList.Rows(services.Store.Terminals(), services.Ingest.Channels.Statuses).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var logins = services.Credentials.All().ToDictionary(c => TerminalCredential.UserNameOf(c.Site, c.Terminal), StringComparer.Ordinal);
        return rows.Keys.Union(logins.Keys).Order(StringComparer.Ordinal).Select(id =>
        {
            rows.TryGetValue(id, out var row);
            logins.TryGetValue(id, out var login);
            int slash = id.IndexOf('/');
            var status = services.Ingest.Channels.Statuses.Of(id[..slash], id[(slash + 1)..]);
            return new TerminalView(id[..slash], id[(slash + 1)..], row, login, services.Liveness.Of(status));
        }).Where(t => account.MayRead(t.Site)).ToList();
    }
}
