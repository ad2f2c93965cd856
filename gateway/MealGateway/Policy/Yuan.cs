using System.Globalization;

namespace MealGateway.Policy;

/// <summary>
/// Money as whole fen (分, 1/100 yuan) in a long: amounts are parsed digit by digit and printed
/// by integer division, never through double, so a statement adds up to the fen.
/// </summary>
public static class Yuan
{
    /// <summary>Largest amount a policy line may give: 100,000 yuan per meal is already absurd.</summary>
    public const long MaxFen = 100_000_00;

    /// <summary>Parses "12", "12.5" or "12.50" (no sign, no thousands separator) to fen.</summary>
    public static bool TryParseFen(string text, out long fen)
    {
        fen = 0;
        int dot = text.IndexOf('.');
        string whole = dot < 0 ? text : text[..dot];
        string fraction = dot < 0 ? string.Empty : text[(dot + 1)..];
        if (whole.Length is 0 or > 6 || (dot >= 0 && fraction.Length is 0 or > 2)
            || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            return false;
        }

        fen = (long.Parse(whole, CultureInfo.InvariantCulture) * 100)
            + (fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(2, '0'), CultureInfo.InvariantCulture));
        return fen <= MaxFen;
    }

    /// <summary>Fen as yuan with exactly two decimals, e.g. 1250 → "12.50".</summary>
    public static string Format(long fen)
    {
        string sign = fen < 0 ? "-" : string.Empty;
        long abs = Math.Abs(fen);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs / 100}.{abs % 100:D2}");
    }

    /// <summary>Fen as an exact decimal number of yuan, for spreadsheet cells.</summary>
    public static decimal ToDecimal(long fen) => fen / 100m;
}
