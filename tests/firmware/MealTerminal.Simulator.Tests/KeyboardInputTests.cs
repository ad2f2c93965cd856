using MealTerminal.Simulator.Adapters;

namespace MealTerminal.Simulator.Tests;

/// <summary>Issue #16: the keyboard terminal refused the UID its own help text gives as the example.</summary>
public sealed class KeyboardInputTests
{
    [Theory]
    [InlineData("04521000_8A3C80")]
    [InlineData("04:52:10:00:8A:3C:80")]
    [InlineData("04 52 10 00 8a 3c 80")]
    public void TheExampleUid_IsAcceptedWithTheSeparatorsPeopleType(string typed) =>
        Assert.Equal(Convert.FromHexString("045210008A3C80"), ScriptedCardReader.ParseUid(typed));

    [Theory]
    [InlineData("04521000_8A3C8")]
    [InlineData("0452100G")]
    [InlineData("0452")]
    public void OddOrForeignDigits_AreRefusedWithAFormatError(string typed) =>
        Assert.Throws<FormatException>(() => ScriptedCardReader.ParseUid(typed));
}
