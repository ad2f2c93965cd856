namespace MealGateway.Tests.Security;

/// <summary>Small valid files and hostile ids the security tests send.</summary>
public static class SecurityFixtures
{
    public const string RosterCsv = "卡号,老人编号,类别,状态,起始日期,截止日期\n04A1B2C3D4E5F6,1001,低保,正常,2024-01-01,\n";

    public const string ConfigText = "餐别 = 午餐 11:00-13:30 1\n";

    /// <summary>Ids seen accepted and stored before issue #14 (the 2,000-character one gave HTTP 500 from LiteDB).</summary>
    public static TheoryData<string> HostileIds => new()
    {
        "..%2F..%2Fetc", "../../etc", "S01\u0007", "S01\n", "S 01", new string('S', 2000), "站点一", ".hidden", new string('S', 33),
    };
}
