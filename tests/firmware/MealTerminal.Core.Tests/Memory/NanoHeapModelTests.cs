using MealTerminal.Benchmarks.Memory;

namespace MealTerminal.Core.Tests.Memory;

/// <summary>The heap model counts what nanoCLR's allocator would: 12-byte blocks, a 20-byte array header.</summary>
public class NanoHeapModelTests
{
    [Fact]
    public void AByteArray_CostsItsHeaderAndData_RoundedToBlocks()
    {
        Assert.Equal(276, new NanoHeapModel().Measure(new byte[256])); // 20 + 256 = 276, 23 blocks
        Assert.Equal(24, new NanoHeapModel().Measure(new byte[1])); // 21 rounds up to 2 blocks
        Assert.Equal(8220, new NanoHeapModel().Measure(new uint[2048])); // 20 + 8,192 rounds up to 685 blocks
    }

    [Fact]
    public void AnObject_CostsOneBlock_PlusOnePerField_PlusWhatItsFieldsReferTo()
    {
        var two = new TwoFields { Data = new byte[4] };

        Assert.Equal(12 + (2 * 12) + 24, new NanoHeapModel().Measure(two));
    }

    [Fact]
    public void AnArrayOfReferences_CostsABlockPerElement_AndCountsEachObjectOnce()
    {
        var shared = new byte[4];
        var pages = new[] { shared, shared, null };

        Assert.Equal(60 + 24, new NanoHeapModel().Measure(pages)); // 20 + 3 x 12 = 56, rounded to 60
    }

    [Fact]
    public void WhatWasMeasuredOrExcluded_IsNotCountedAgain()
    {
        var model = new NanoHeapModel();
        var data = new byte[100];
        var owner = new TwoFields { Data = data };
        model.Exclude(data);

        Assert.Equal(36, model.Measure(owner));
        Assert.Equal(0, model.Measure(owner));
    }

    private sealed class TwoFields
    {
        public byte[]? Data;
        public long Count = 1;
    }
}
