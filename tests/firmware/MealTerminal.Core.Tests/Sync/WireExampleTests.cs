using MealTerminal.Core.Cards;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Sync;

namespace MealTerminal.Core.Tests.Sync;

/// <summary>The hex examples in docs/protocol.md, produced by the codecs: if a layout changes, the doc must change too.</summary>
public class WireExampleTests
{
    /// <summary>The ledger epoch of the examples.</summary>
    public const uint Epoch = 0x5EED1234;

    /// <summary>Terminal T01: sequence 41 a lunch for elder 5001 (低保), sequence 42 an unknown card, at 2026-11-23 12:00 +08:00, boot 3.</summary>
    public static byte[] ExampleBatch()
    {
        var buffer = new byte[RecordBatchCodec.MaxBatchSize("T01")];
        uint noon = LocalTime.ToRecordSeconds(new DateTime(2026, 11, 23, 4, 0, 0, DateTimeKind.Utc));
        var meal = new MealRecord { Verdict = VerdictCode.Accepted, Period = 1, Category = ElderCategory.MinimumAllowance, ClockValid = true, BootCount = 3, ElderId = 5001, Time = noon };
        var unknown = new MealRecord { Verdict = VerdictCode.UnknownCard, Period = 1, ClockValid = true, BootCount = 3, Time = noon + 7 };
        byte[] uid = { 0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0x80 };
        CardKey.FromUid(uid, uid.Length, unknown.CardKey, 0);
        int at = RecordBatchCodec.WriteRecord(buffer, RecordBatchCodec.HeaderSize("T01"), meal);
        at = RecordBatchCodec.WriteRecord(buffer, at, unknown);
        RecordBatchCodec.WriteHeader(buffer, "T01", Epoch, 41, 2);
        return buffer[..RecordBatchCodec.Finish(buffer, at)];
    }

    [Fact]
    public void RecordBatchExample_IsTheOneInTheProtocolDoc() =>
        Assert.Equal(
            "0203543031" + "3412ed5e" + "29000000" + "0200"
            + "01" + "11" + "01" + "0300" + "89130000" + "40d9f70c"
            + "04" + "31" + "00" + "0300" + "00000000" + "47d9f70c" + "0704a1b2c3d4e580000000"
            + "99a890d4",
            Convert.ToHexStringLower(ExampleBatch()));

    [Fact]
    public void AckExample_IsTheOneInTheProtocolDoc()
    {
        var ack = new byte[AckCodec.Size];
        AckCodec.Encode(ack, AckCodec.StatusStored, 42, Epoch);
        Assert.Equal("02002a0000003412ed5e", Convert.ToHexStringLower(ack)[..20]);
    }

    [Fact]
    public void IdentityConflictAckExample_IsTheOneInTheProtocolDoc()
    {
        var ack = new byte[AckCodec.Size];
        AckCodec.Encode(ack, AckCodec.StatusIdentityConflict, 0, Epoch);
        Assert.Equal("0240000000003412ed5ef652053e", Convert.ToHexStringLower(ack));
    }

    [Fact]
    public void FullBatchOfKnownCards_CostsLessThan14BytesPerRecord()
    {
        var buffer = new byte[RecordBatchCodec.MaxBatchSize("T01")];
        int at = RecordBatchCodec.HeaderSize("T01");
        for (int i = 0; i < RecordBatchCodec.MaxRecordsPerBatch; i++)
        {
            at = RecordBatchCodec.WriteRecord(buffer, at, new MealRecord { Verdict = VerdictCode.Accepted, Period = 1, ClockValid = true, ElderId = (uint)(5000 + i), Time = 1000 });
        }

        RecordBatchCodec.WriteHeader(buffer, "T01", Epoch, 1, RecordBatchCodec.MaxRecordsPerBatch);
        Assert.Equal(1319, RecordBatchCodec.Finish(buffer, at)); // 15 header + 100 x 13 + 4 CRC: 13.19 bytes per record
    }
}
