using MealGateway.Downloads;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;

namespace MealGateway.Tests.Delivery;

/// <summary>Issue #17: the site configuration and roster files say delivery mode, the welfare setting, couriers and who is registered for delivery.</summary>
public class DeliveryFilesTests
{
    [Fact]
    public void AConfiguration_SetsDeliveryMode_AndTheWelfareCheck_InItsExtensionSection()
    {
        var values = ConfigText.TryParse("餐别 = 午餐 11:00-13:30 1\n终端模式 = 送餐\n常来天数 = 3\n常来统计天数 = 5\n未到截止时间 = 13:45\n", "c.txt", out var problems);

        Assert.Empty(problems);
        Assert.True(DeliverySettings.IsDelivery(values!.Extensions));
        Assert.Equal((3, 5, (13 * 60) + 45), (DeliverySettings.RegularDays(values.Extensions), DeliverySettings.RegularWindow(values.Extensions), DeliverySettings.AbsentCutoffMinute(values.Extensions)));
        Assert.Null(ConfigImage.Check(values));
    }

    [Theory]
    [InlineData("终端模式 = 上门")]
    [InlineData("常来天数 = 0")]
    [InlineData("未到截止时间 = 25:00")]
    [InlineData("常来天数 = 8")] // more than the default window of 7
    public void ABadDeliverySetting_RefusesTheFile(string line)
    {
        Assert.Null(ConfigText.TryParse("餐别 = 午餐 11:00-13:30 1\n" + line + "\n", "c.txt", out var problems));
        Assert.NotEmpty(problems);
    }

    [Fact]
    public void TheRoster_CarriesCourierCards_AndWhoIsRegisteredForDelivery()
    {
        var entries = RosterCsv.TryParse("卡号,老人编号,类别,状态,送餐\n04A1B2C3,1,普通,正常,是\n04A1B2C4,2,普通,正常,\n04A1B2C5,900,普通,送餐员卡,否\n", "r.csv", out var problems);

        Assert.Empty(problems);
        Assert.Equal(new[] { true, false, false }, entries?.Select(e => e.DeliveryRegistered));
        Assert.Equal(CardStatus.Courier, entries![2].Status);
        Assert.Null(RosterCsv.TryParse("卡号,老人编号,类别,送餐\n04A1B2C3,1,普通,也许\n", "r.csv", out var refused));
        Assert.NotEmpty(refused);
    }
}
