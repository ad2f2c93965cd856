using MealGateway.Ingest;
using MealTerminal.Core.Integrity;

namespace MealGateway.Tests.Ingest;

public class BatchDecoderTests
{
    [Fact]
    public void WellFormedBatch_DecodesEveryRecordWithItsSequence()
    {
        var result = BatchDecoder.TryDecode(Batches.Meals("T01", 41, 3), "T01", out var batch);
        Assert.Equal(BatchRejection.None, result);
        Assert.Equal(new uint[] { 41, 42, 43 }, batch!.Records.Select(r => r.Sequence));
        Assert.All(batch.Records, r => Assert.Equal(1, r.Period));
    }

    [Fact]
    public void FlippedBit_IsRefusedAsBadCrc()
    {
        var payload = Batches.Meals("T01", 1, 3);
        payload[12] ^= 0x01;
        Assert.Equal(BatchRejection.BadCrc, BatchDecoder.TryDecode(payload, "T01", out _));
    }

    [Fact]
    public void BatchNamingAnotherTerminal_IsRefused()
    {
        Assert.Equal(BatchRejection.TerminalMismatch, BatchDecoder.TryDecode(Batches.Meals("T02", 1, 3), "T01", out _));
    }

    [Fact]
    public void UnknownFormatVersion_IsRefused()
    {
        var payload = Batches.Meals("T01", 1, 1);
        payload[0] = 9;
        ResealCrc(payload);
        Assert.Equal(BatchRejection.UnsupportedVersion, BatchDecoder.TryDecode(payload, "T01", out _));
    }

    [Fact]
    public void CountLargerThanTheRecordsPresent_IsRefusedAsTruncated()
    {
        var payload = Batches.Meals("T01", 1, 2);
        payload[2 + 3 + 4 + 4] = 5; // count low byte, after the epoch and first sequence
        ResealCrc(payload);
        Assert.Equal(BatchRejection.Truncated, BatchDecoder.TryDecode(payload, "T01", out _));
    }

    [Fact]
    public void AbsurdCount_IsRefused()
    {
        var payload = Batches.Meals("T01", 1, 1);
        payload[2 + 3 + 4 + 5] = 0xFF; // count high byte
        ResealCrc(payload);
        Assert.Equal(BatchRejection.AbsurdCount, BatchDecoder.TryDecode(payload, "T01", out _));
    }

    [Fact]
    public void Version2Batch_CarriesTheLedgerEpoch()
    {
        Assert.Equal(BatchRejection.None, BatchDecoder.TryDecode(Batches.Meals("T01", 41, 3, epoch: 0x5EED1234), "T01", out var batch));
        Assert.Equal(0x5EED1234u, batch!.Epoch);
        Assert.Equal(2, batch.Version);
        Assert.Equal(new uint[] { 41, 42, 43 }, batch.Records.Select(r => r.Sequence));
    }

    [Fact]
    public void Version1BatchOfOlderFirmware_IsStillAccepted_AsEpoch0()
    {
        Assert.Equal(BatchRejection.None, BatchDecoder.TryDecode(Batches.Legacy(Batches.Meals("T01", 41, 3)), "T01", out var batch));
        Assert.Equal(0u, batch!.Epoch);
        Assert.Equal(1, batch.Version);
        Assert.Equal(new uint[] { 41, 42, 43 }, batch.Records.Select(r => r.Sequence));
        Assert.Equal(143u, batch.Records[2].ElderId);
    }

    private static void ResealCrc(byte[] payload) =>
        LittleEndian.WriteUInt32(payload, payload.Length - 4, Crc32.Compute(payload, 0, payload.Length - 4));
}
