using MealGateway.Downloads;
using MealGateway.Storage;
using MealTerminal.Core.Cards;
using MealTerminal.Core.Roster;
using MealTerminal.Core.Sync;

namespace MealGateway.Tests.Downloads;

/// <summary>Issue #16: an unknown card an operator gives to an elder joins the site's NEXT roster version, not the running one.</summary>
public sealed class CardEnrolmentTests : IDisposable
{
    private const string Roster = "卡号,老人编号,类别\n04A1B2C3D4E5F6,1001,低保\n1A2B3C4D,1002,高龄\n";
    private static readonly DateTime Now = new(2026, 11, 23, 4, 0, 0, DateTimeKind.Utc);
    private readonly string directory = Directory.CreateTempSubdirectory("enrol-").FullName;
    private readonly MealStore store;
    private readonly SiteImages images;
    private readonly CardEnrolments enrolments;

    public CardEnrolmentTests()
    {
        store = new MealStore(directory, 8 * 60);
        images = new SiteImages(store);
        enrolments = new CardEnrolments(store, images);
    }

    public void Dispose()
    {
        store.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void EnrolledCard_JoinsTheNextRosterVersion_ReplacingTheEldersActiveCard_AndStaysInLaterVersions()
    {
        Import(Roster);
        Assert.Null(enrolments.Request("S01", "04 99 88 77", "1001", "wang", Now));

        var pending = Assert.Single(enrolments.Of("S01"));
        Assert.Equal(("04998877", 0L), (pending.CardHex, pending.AppliedVersion));
        Assert.Null(Card(images.Current("S01", DownloadCodec.KindRoster)!, "04998877")); // the running version is not changed

        var second = Import(Roster);
        var added = Card(second, "04998877")!;
        Assert.Equal((1001u, (byte)1, CardStatus.Active), (added.ElderId, added.Category, added.Status)); // 低保 is category 1
        Assert.Equal(CardStatus.LostCard, Card(second, "04A1B2C3D4E5F6")!.Status);
        Assert.Equal(3, second.Entries);
        Assert.Equal(2L, Assert.Single(enrolments.Of("S01")).AppliedVersion);

        var third = Import(Roster); // the office's file still lacks the card: it is kept
        Assert.NotNull(Card(third, "04998877"));
        Assert.Equal(2L, Assert.Single(enrolments.Of("S01")).AppliedVersion);

        Assert.True(enrolments.Withdraw("S01", "04998877"));
        Assert.Null(Card(Import(Roster), "04998877"));
    }

    [Theory]
    [InlineData("04998877", "1009", "老人编号 1009 不在站点 S01 第 1 版名册中")]
    [InlineData("1A2B3C4D", "1001", "卡号 1A2B3C4D 已在站点 S01 第 1 版名册中")]
    [InlineData("08998877", "1001", "随机卡号")]
    [InlineData("0499887", "1001", "应为 8, 14 或 20 位十六进制")]
    [InlineData("04998877", "abc", "老人编号 'abc' 应为 1 到 16777215")]
    public void BadEnrolment_IsRefusedWithAReason_AndNothingIsStored(string card, string elder, string expected)
    {
        Import(Roster);
        Assert.Contains(expected, enrolments.Request("S01", card, elder, "wang", Now));
        Assert.Empty(enrolments.Of("S01"));
        Assert.Equal(2, Import(Roster).Entries);
    }

    [Fact]
    public void EnrolmentAtASiteWithoutRoster_IsRefused()
    {
        Assert.Contains("还没有名册", enrolments.Request("S02", "04998877", "1001", "wang", Now));
        Assert.Empty(enrolments.Of(null));
    }

    private SiteImage Import(string csv)
    {
        var image = SiteFiles.Import(images, "roster", "S01", csv, "roster.csv", Now, null, out var problems);
        Assert.Empty(problems);
        return image!;
    }

    private static RosterEntry? Card(SiteImage image, string hex) =>
        RosterImageEntries.Read(image.Image).FirstOrDefault(e => CardKey.ToHex(e.CardKey, 0) == hex);
}
