using System.Net.Sockets;

namespace MealGateway;

/// <summary>
/// Why the gateway could not start, in one line a user can act on (Chinese, then English): a port
/// in use, the database held by another gateway. The `run` command prints the message and exits 3,
/// instead of a stack trace.
/// </summary>
public sealed class GatewayStartException(string message, Exception inner) : Exception(message, inner)
{
    /// <summary>The exception as a user-fixable start failure, or null when it is something else (a bug).</summary>
    public static GatewayStartException? Explain(Exception failure, GatewayOptions options, string stage, int port)
    {
        if (InUse(failure))
        {
            string option = stage == "mqtt" ? "--mqtt-port" : "--http-port";
            string what = stage == "mqtt" ? "MQTT" : "HTTP";
            return new GatewayStartException($"错误：{what} 端口 {port} 已被占用，可用 {option} 换一个端口 ({what} port {port} is in use; choose another with {option})", failure);
        }

        if (stage == "store" && failure is IOException)
        {
            string path = Path.GetFullPath(options.DataDirectory);
            return new GatewayStartException($"错误：数据库正被运行中的网关使用：'{path}'；先停止那个网关，或用 --data 指定另一个数据目录 (database in use by a running gateway)", failure);
        }

        return null;
    }

    private static bool InUse(Exception? failure)
    {
        for (; failure is not null; failure = failure.InnerException)
        {
            if (failure is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || failure.GetType().Name == "AddressInUseException")
            {
                return true;
            }
        }

        return false;
    }
}
