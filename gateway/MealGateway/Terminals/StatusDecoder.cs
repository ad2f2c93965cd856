using MealTerminal.Core.Integrity;
using MealTerminal.Core.Sync;

namespace MealGateway.Terminals;

/// <summary>Why a status payload was refused; counted per terminal like refused batches.</summary>
public enum StatusRejection
{
    None = 0,
    WrongLength,
    BadCrc,
    UnsupportedVersion,
    BadField,
}

/// <summary>
/// A terminal's heartbeat as the gateway received it (docs/protocol.md, status). IdentityConflict:
/// the terminal holds records the gateway refuses as an identity conflict (flag bit 3).
/// </summary>
public sealed record StatusReport(
    bool Online, bool ClockValid, bool ReaderHealthy, string Firmware, uint RosterVersion, uint ConfigVersion,
    long RecordsPending, int StorageUsedPercent, long UptimeSeconds, long BootCount, int? SignalDbm,
    int ReaderReinits, int ReaderTimeouts, int CardErrors, bool IdentityConflict = false)
{
    /// <summary>The last will: the terminal's connection broke; nothing else is known from it.</summary>
    public static StatusReport Offline { get; } = new(false, false, false, string.Empty, 0, 0, 0, 0, 0, 0, null, 0, 0, 0);
}

/// <summary>Strict decoder of the status heartbeat and its "offline" last will. Never throws on input.</summary>
public static class StatusDecoder
{
    public static StatusRejection TryDecode(ReadOnlySpan<byte> payload, out StatusReport? report)
    {
        report = null;
        if (payload.SequenceEqual("offline"u8))
        {
            report = StatusReport.Offline;
            return StatusRejection.None;
        }

        if (payload.Length != StatusCodec.Size)
        {
            return StatusRejection.WrongLength;
        }

        var buffer = payload.ToArray();
        if (Crc32.Compute(buffer, 0, StatusCodec.Size - 4) != LittleEndian.ReadUInt32(buffer, StatusCodec.Size - 4))
        {
            return StatusRejection.BadCrc;
        }

        if (buffer[0] != StatusCodec.FormatVersion)
        {
            return StatusRejection.UnsupportedVersion;
        }

        var status = new TerminalStatus();
        if (!StatusCodec.TryDecode(buffer, buffer.Length, status) || !status.Online)
        {
            return StatusRejection.BadField; // reserved flag bits, storage over 100 %, or a heartbeat saying offline
        }

        uint firmware = status.FirmwareVersion;
        report = new StatusReport(
            true, status.ClockValid, status.ReaderHealthy, $"{firmware >> 16}.{(firmware >> 8) & 0xFF}.{firmware & 0xFF}",
            status.RosterVersion, status.ConfigVersion, (uint)status.RecordsPending, status.StorageUsedPercent, status.UptimeSeconds,
            status.BootCount, status.SignalDbm == StatusCodec.UnknownSignal ? null : status.SignalDbm,
            status.ReaderReinits, status.ReaderTimeouts, status.CardErrors, status.IdentityConflict);
        return StatusRejection.None;
    }
}
