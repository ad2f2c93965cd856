using MealTerminal.Core.Meals;
using MealTerminal.Core.Sync;

namespace MealTerminal.Core.Tests.Sync;

/// <summary>
/// Every payload example in docs/protocol.md after the record batch and ack (WireExampleTests has
/// those) is produced here by the codec and must appear in the doc byte for byte.
/// </summary>
public class ProtocolExampleTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "protocol.md")).Replace("\r\n", "\n");

    public static TheoryData<string> Examples() => new(Payloads().Keys);

    [Theory]
    [MemberData(nameof(Examples))]
    public void TheHexExampleInTheProtocolDoc_IsWhatTheCodecWrites(string name)
    {
        string hex = Hex(Payloads()[name]);
        Assert.True(Doc.Contains(hex), $"docs/protocol.md lacks the {name} example:\n{hex}");
    }

    /// <summary>16 bytes per line, lower-case, space-separated: the form of the doc's code blocks.</summary>
    public static string Hex(byte[] bytes) =>
        string.Join("\n", bytes.Chunk(16).Select(line => string.Join(" ", line.Select(b => b.ToString("x2")))));

    private static Dictionary<string, byte[]> Payloads()
    {
        var status = new TerminalStatus
        {
            Online = true, ClockValid = true, ReaderHealthy = true, FirmwareVersion = 0x010000, RosterVersion = 2, ConfigVersion = 1,
            RecordsPending = 37, StorageUsedPercent = 12, UptimeSeconds = 3600, BootCount = 3, SignalDbm = StatusCodec.UnknownSignal,
            ReaderReinits = 0, ReaderTimeouts = 1, CardErrors = 2,
        };
        var config = new ConfigValues { Version = 1, Periods = [new MealPeriod("午餐", 11 * 60, (13 * 60) + 30, 1)] };
        return new()
        {
            ["status"] = Encode(StatusCodec.Size, b => StatusCodec.Encode(b, status)),
            ["identity conflict ack"] = Encode(AckCodec.Size, b => AckCodec.Encode(b, AckCodec.StatusIdentityConflict, 0, WireExampleTests.Epoch)),
            ["offline"] = Encode(16, StatusCodec.EncodeOffline),
            ["time-req"] = Encode(TimeCodec.RequestSize, b => TimeCodec.EncodeRequest(b, 0x00030001)),
            ["time"] = Encode(TimeCodec.AnswerSize, b => TimeCodec.EncodeAnswer(b, 0x00030001, LocalTime.ToRecordSeconds(new DateTime(2026, 11, 23, 3, 30, 0)), 250)),
            ["roster offer"] = Encode(DownloadCodec.OfferSize, b => DownloadCodec.EncodeOffer(b, DownloadCodec.KindRoster, 2, 24032, 0x1234abcd, 1024)),
            ["fetch"] = Encode(DownloadCodec.FetchSize, b => DownloadCodec.EncodeFetch(b, DownloadCodec.KindRoster, 2, 4096, 1024)),
            ["chunk"] = Encode(64, b => DownloadCodec.EncodeChunk(b, DownloadCodec.KindConfig, DownloadCodec.StatusOk, 1, 0, [0x01, 0x01, 0x00, 0x00], 0, 4)),
            ["chunk gone"] = Encode(64, b => DownloadCodec.EncodeChunk(b, DownloadCodec.KindRoster, DownloadCodec.StatusGone, 2, 4096, [], 0, 0)),
            ["config image"] = Encode(ConfigImage.MaxSize, b => ConfigImage.Encode(b, config, out _)),
        };
    }

    private static byte[] Encode(int size, Func<byte[], int> encode)
    {
        var buffer = new byte[size];
        return buffer[..encode(buffer)];
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Terminal.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }
}
