using MealGateway.Ingest;
using MealGateway.Storage;
using MealGateway.Tests.ExactlyOnce;

namespace MealGateway.Tests.Terminals;

/// <summary>`terminal reset-epoch`, run as the operator runs it: a separate process on the data directory.</summary>
public sealed class ResetEpochCliTests : IDisposable
{
    private static readonly DateTime Received = new(2026, 11, 23, 5, 0, 0, DateTimeKind.Utc);
    private readonly string directory = Directory.CreateTempSubdirectory("reset-epoch-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static DecodedBatch Decode(byte[] payload)
    {
        Assert.Equal(BatchRejection.None, BatchDecoder.TryDecode(payload, "T01", out var batch));
        return batch!;
    }

    [Fact]
    public async Task ResetEpoch_AcceptsTheRefusedEpoch_ThenTheTerminalsMealsAreStored_AndASecondRunSaysThereIsNoConflict()
    {
        using (var store = new MealStore(directory, 480))
        {
            store.Store("S01", Decode(Batches.Meals("T01", 1, 4, epoch: 0x0BADF00D)), Received);
            Assert.Equal(BatchRejection.IdentityConflict, store.Store("S01", Decode(Batches.Meals("T01", 1, 2, epoch: 0x5EED1234)), Received).Status);
        }

        var accepted = await GatewayProcess.RunCommandAsync("terminal", "reset-epoch", "--data", directory, "--site", "S01", "--terminal", "T01", "--by", "张三");
        var again = await GatewayProcess.RunCommandAsync("terminal", "reset-epoch", "--data", directory, "--site", "S01", "--terminal", "T01", "--by", "张三");

        Assert.Equal(0, accepted.Exit);
        Assert.Contains("已接受终端 S01/T01 的新账本纪元 5eed1234", accepted.Out);
        Assert.Equal(1, again.Exit);
        Assert.Contains("没有待处理的身份冲突", again.Error);
        using var reopened = new MealStore(directory, 480);
        Assert.Equal(BatchRejection.None, reopened.Store("S01", Decode(Batches.Meals("T01", 1, 2, epoch: 0x5EED1234)), Received).Status);
        Assert.Equal(6, reopened.RecordsOf("S01", "T01").Count);
        Assert.Equal("张三", reopened.Terminals().Single().EpochChanges.Single().AcceptedBy);
    }
}
