using System.Text;
using MealGateway.Downloads;
using MealTerminal.Core.Cards;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Roster;

namespace MealGateway.Tests.Downloads;

/// <summary>The optional 姓名 column: masked per the county's rule at the gateway, GB2312 in the image, found by the terminal.</summary>
public sealed class RosterNamesTests
{
    private const string Csv = "卡号,老人编号,类别,姓名\n04A1B2C3D4E5F6,1001,低保,王秀英\n04A1B2C3D4E5F7,1002,高龄,李德\n1A2B3C4D,1003,高龄,欧阳淑珍\n1A2B3C4E,1004,普通,\n";

    private static Encoding Gb2312
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB2312");
        }
    }

    [Theory]
    [InlineData("王秀英", "王＊英")]
    [InlineData("李德", "李＊")]
    [InlineData("欧阳淑珍", "欧＊＊珍")]
    [InlineData("丁", "丁")]
    [InlineData("阿依古丽·买买提", "阿＊＊＊＊＊＊提")]
    public void MaskedName_KeepsTheFirstAndLastCharacterOnly(string name, string shown)
    {
        Assert.Equal(shown, RosterNames.Mask(name));
    }

    [Theory]
    [InlineData(NameDisplay.Masked, new[] { "王＊英", "李＊", "欧＊＊珍", "" })]
    [InlineData(NameDisplay.Full, new[] { "王秀英", "李德", "欧阳淑珍", "" })]
    [InlineData(NameDisplay.Hidden, new[] { "", "", "", "" })]
    public void TerminalFindsEachElderWithTheNameTheCountyRuleAllows(NameDisplay rule, string[] expected)
    {
        var entries = RosterCsv.TryParse(Csv, "roster.csv", out var problems, rule);
        Assert.Empty(problems);
        var image = RosterWriter.Build(entries!, 1, 1);
        Assert.Equal(rule == NameDisplay.Hidden ? RosterFormat.FormatVersion : RosterFormat.FormatVersionNames, LittleEndian.ReadUInt16(image, 4));
        bool hasMiddleCharacter = image.AsSpan().IndexOf(Gb2312.GetBytes("秀")) >= 0;
        Assert.Equal(rule == NameDisplay.Full, hasMiddleCharacter); // a masked character never leaves the gateway
        var flash = new RamFlash(16, 4096, 256);
        var state = new StateLog(flash, 0);
        state.Mount();
        var store = new RosterStore(flash, state, 2, 4);
        store.Mount();
        Assert.True(store.Install(image));

        var found = new RosterEntry();
        string[] uids = ["04A1B2C3D4E5F6", "04A1B2C3D4E5F7", "1A2B3C4D", "1A2B3C4E"];
        for (int i = 0; i < uids.Length; i++)
        {
            var uid = Convert.FromHexString(uids[i]);
            var key = new byte[CardKey.Size];
            CardKey.FromUid(uid, uid.Length, key, 0);
            Assert.True(store.Active!.TryFind(key, 0, found));
            Assert.Equal(expected[i], Gb2312.GetString(found.Name, 0, found.NameLength));
        }
    }

    [Fact]
    public void CharacterOutsideGb2312_IsStoredAsAVisibleBox()
    {
        var entry = new RosterEntry();
        Assert.Null(RosterNames.Read("张堃", NameDisplay.Full, entry));
        Assert.Equal("张□", Gb2312.GetString(entry.Name, 0, entry.NameLength));
    }

    [Fact]
    public void NameLongerThanTwelveCharacters_IsRefusedWithItsLine()
    {
        var csv = "卡号,老人编号,类别,姓名\n04A1B2C3D4E5F6,1001,低保,阿卜杜热合曼·买买提艾力阿吉\n";
        Assert.Null(RosterCsv.TryParse(csv, "roster.csv", out var problems, NameDisplay.Full));
        Assert.Contains(problems, p => p.Contains("roster.csv 第 2 行") && p.Contains("过长"));
    }

    [Theory]
    [InlineData("遮挡", NameDisplay.Masked)]
    [InlineData("全名", NameDisplay.Full)]
    [InlineData("不显示", NameDisplay.Hidden)]
    [InlineData("hidden", NameDisplay.Hidden)]
    public void CountyRule_IsReadFromItsChineseName(string text, NameDisplay rule)
    {
        Assert.True(RosterNames.TryParseDisplay(text, out var parsed));
        Assert.Equal(rule, parsed);
    }

    [Fact]
    public void UnknownCountyRule_IsRefused()
    {
        Assert.False(RosterNames.TryParseDisplay("半遮", out _));
    }
}
