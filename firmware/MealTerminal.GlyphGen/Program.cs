using MealTerminal.GlyphGen;

// Usage: MealTerminal.GlyphGen <font.pcf> <source folder to scan> <output GlyphTable.cs> [--print 用餐]
//        MealTerminal.GlyphGen font <font.ttc|.pcf> <output .fnt> <heights, e.g. 24,32> <font version>
if (args.Length == 5 && args[0] == "font")
{
    var heights = args[3].Split(',').Select(int.Parse).ToArray();
    using var face = new FreeTypeFace(args[1]);
    int covered = FontImageWriter.Write(face, heights, uint.Parse(args[4]), args[2]);
    Console.WriteLine($"{args[2]}: {covered} GB2312 cells at {args[3]} px from {face.Source}, {new FileInfo(args[2]).Length} bytes");
    return 0;
}

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: MealTerminal.GlyphGen <font.pcf> <source folder> <GlyphTable.cs> [--print TEXT]");
    Console.Error.WriteLine("       MealTerminal.GlyphGen font <font.ttc> <image.fnt> <heights 24,32> <version>");
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
