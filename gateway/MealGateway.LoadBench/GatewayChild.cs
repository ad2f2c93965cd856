using System.Diagnostics;

namespace MealGateway.LoadBench;

/// <summary>The gateway as a child process, so its resident memory is its own (VmHWM in /proc).</summary>
public sealed class GatewayChild(string dataDirectory, int mqttPort, int httpPort) : IDisposable
{
    private Process? process;

    public async Task StartAsync()
    {
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process = Process.Start(new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "MealGateway.dll"), "run", "--data", dataDirectory,
             "--mqtt-port", $"{mqttPort}", "--http-port", $"{httpPort}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("Gateway running") == true)
            {
                running.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"gateway: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await running.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>(batches stored, group commits) from the gateway's /api/health.</summary>
    public async Task<(long Batches, long Groups)> GroupCommitsAsync()
    {
        using var http = new HttpClient();
        using var health = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{httpPort}/api/health"));
        return (health.RootElement.GetProperty("batchesStored").GetInt64(), health.RootElement.GetProperty("groupCommits").GetInt64());
    }

    /// <summary>Peak resident set size of the gateway process so far, in MB (VmHWM).</summary>
    public double PeakResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{process!.Id}/status").First(l => l.StartsWith("VmHWM:"));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }

        process?.Dispose();
        process = null;
    }
}
