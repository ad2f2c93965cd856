using System.Diagnostics;

namespace MealGateway.Tests.ExactlyOnce;

/// <summary>
/// The gateway as a child process (`dotnet MealGateway.dll run`, embedded broker), so a test can
/// SIGKILL it the way a power cut or an OOM kill ends it.
/// </summary>
public sealed class GatewayProcess(string dataDirectory, int mqttPort, params string[] extraArgs) : IDisposable
{
    private readonly int httpPort = FreePort.Pick();
    private Process? process;
    private string output = string.Empty;

    public int Starts { get; private set; }

    public string HttpUrl => $"http://127.0.0.1:{httpPort}";

    /// <summary>Runs a one-shot gateway command (settle, export...) and returns its exit code and output.</summary>
    public static async Task<(int Exit, string Out, string Error)> RunCommandAsync(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "MealGateway.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        using var command = Process.Start(new ProcessStartInfo(dotnet, [dll, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var stdout = command.StandardOutput.ReadToEndAsync();
        var stderr = command.StandardError.ReadToEndAsync();
        await HangGuard.Of(command.WaitForExitAsync(), $"gateway {string.Join(' ', args)}");
        return (command.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the gateway and returns when it says it is running.</summary>
    public async Task StartAsync()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "MealGateway.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        output = string.Empty;
        process = Process.Start(new ProcessStartInfo(dotnet,
            [dll, "run", "--data", dataDirectory, "--mqtt-port", $"{mqttPort}", "--http-port", $"{httpPort}", .. extraArgs])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, e) =>
        {
            output += e.Data + "\n";
            if (e.Data?.StartsWith("Gateway running") == true)
            {
                running.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => output += e.Data + "\n";
        process.Exited += (_, _) => running.TrySetException(new InvalidOperationException($"gateway exited at start:\n{output}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await HangGuard.Of(running.Task, "the gateway to start");
        Starts++;
    }

    /// <summary>SIGKILL: no shutdown code runs, no buffers are flushed.</summary>
    public void Kill()
    {
        process!.Kill(); // SIGKILL on Linux
        process.WaitForExit();
        process.Dispose();
        process = null;
    }

    public void Dispose()
    {
        if (process is not null)
        {
            Kill();
        }
    }
}
