using MealGateway.Policy;

namespace MealGateway.Tests.Policy;

public class YuanTests
{
    [Theory]
    [InlineData("15", 1500)]
    [InlineData("12.5", 1250)]
    [InlineData("12.05", 1205)]
    [InlineData("0.1", 10)]
    [InlineData("0.29", 29)]
    [InlineData("0", 0)]
    public void AmountsInYuan_ParseToExactFen(string text, long fen)
    {
        Assert.True(Yuan.TryParseFen(text, out long parsed));
        Assert.Equal(fen, parsed);
    }

    [Theory]
    [InlineData("12.345")]
    [InlineData("-1")]
    [InlineData("1,5")]
    [InlineData("1e3")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1000000")]
    public void MalformedAmounts_AreRefused(string text) => Assert.False(Yuan.TryParseFen(text, out _));

    [Theory]
    [InlineData(0, "0.00")]
    [InlineData(5, "0.05")]
    [InlineData(1250, "12.50")]
    [InlineData(123456789, "1234567.89")]
    [InlineData(-30, "-0.30")]
    public void Fen_FormatAsYuanWithTwoDecimals(long fen, string text) => Assert.Equal(text, Yuan.Format(fen));
}
