using MealTerminal.GlyphGen;

// Usage: MealTerminal.GlyphGen <font.pcf> <source folder to scan> <output GlyphTable.cs> [--print 用餐]
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: MealTerminal.GlyphGen <font.pcf> <source folder> <GlyphTable.cs> [--print TEXT]");
    return 2;
}

var font = new PcfFont(args[0]);
if (args.Length == 5 && args[3] == "--print")
{
    foreach (char c in args[4])
    {
        var g = font.Find(c);
        Console.WriteLine($"'{c}' {(g is null ? "missing" : $"w={g.Width} adv={g.Advance} asc={g.Ascent} desc={g.Descent} left={g.LeftBearing}")}");
        foreach (var row in g?.Rows ?? Array.Empty<bool[]>())
        {
            Console.WriteLine(string.Concat(row.Select(p => p ? '#' : '.')));
        }
    }

    return 0;
}

var characters = MessageCharacters.Collect(args[1]);
var missing = characters.Where(c => font.Find(c) is null).ToList();
if (missing.Count > 0)
{
    Console.Error.WriteLine($"the font has no glyph for: {string.Concat(missing)}");
    return 1;
}

File.WriteAllText(args[2], GlyphTableWriter.Write(font, characters, Path.GetFileName(args[0])));
Console.WriteLine($"{characters.Count} characters written to {args[2]}");
return 0;
