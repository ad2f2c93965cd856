using System.Text;
using MealTerminal.Core.Roster;

namespace MealTerminal.Core.Tests.Fakes;

/// <summary>Rosters whose elders have GB2312 names, as the gateway writes them.</summary>
public static class NamedRoster
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "欧阳", "司马"];
    private static readonly string[] Given = ["秀英", "桂兰", "建国", "淑珍", "德", "玉兰花", "国强"];

    public static Encoding Gb2312
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB2312");
        }
    }

    public static RosterEntry[] Elders(int count)
    {
        var entries = TerminalRig.Elders(count);
        for (int i = 0; i < count; i++)
        {
            SetName(entries[i], NameOf(i));
        }

        return entries;
    }

    public static string NameOf(int i) => Surnames[i % Surnames.Length] + Given[(i / Surnames.Length) % Given.Length];

    public static void SetName(RosterEntry entry, string name)
    {
        entry.NameLength = Gb2312.GetBytes(name, 0, name.Length, entry.Name, 0);
    }

    public static string NameIn(RosterEntry entry) => Gb2312.GetString(entry.Name, 0, entry.NameLength);
}
