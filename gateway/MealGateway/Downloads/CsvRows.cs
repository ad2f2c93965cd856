namespace MealGateway.Downloads;

/// <summary>A row of a table file, with the line (CSV) or row (Excel) number a person sees it at.</summary>
public sealed record TableRow(int Line, string[] Cells);

/// <summary>
/// An RFC 4180 CSV reader: cells separated by commas, a cell in double quotes may hold commas,
/// line breaks and doubled quotes (""). Rows end at CR LF, LF or CR outside quotes. Each row
/// keeps the line it starts on, so problems point at what the user sees in an editor.
/// </summary>
public static class CsvRows
{
    /// <summary>The rows, or null with the problem when a quoted cell is never closed.</summary>
    public static List<TableRow>? Read(string text, string fileName, out string? problem)
    {
        problem = null;
        var rows = new List<TableRow>();
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        int line = 1, rowLine = 1, quoteLine = 0;
        bool quoted = false, rowHasContent = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')) ? 1 : 0;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.ToString().Trim().Length == 0)
            {
                quoted = true;
                quoteLine = line;
                cell.Clear();
                rowHasContent = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
                rowHasContent = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndRow();
                line++;
                rowLine = line;
            }
            else
            {
                cell.Append(c);
                rowHasContent = true;
            }
        }

        if (quoted)
        {
            problem = $"{fileName} 第 {quoteLine} 行: 引号没有闭合 (unclosed quote)";
            return null;
        }

        EndRow();
        return rows;

        void EndRow()
        {
            if (rowHasContent || cell.Length > 0)
            {
                cells.Add(cell.ToString());
                rows.Add(new TableRow(rowLine, cells.ToArray()));
            }

            cells.Clear();
            cell.Clear();
            rowHasContent = false;
        }
    }
}
