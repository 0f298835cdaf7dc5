using System.Text;

namespace ContactCenter.Benchmarks.Harness;

/// <summary>A results table ready to paste into a README: header, rows, then the command and machine notes.</summary>
internal sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly List<string> _notes = [];

    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row needs {headers.Length} cells, got {cells.Length}", nameof(cells));
        }
        _rows.Add(cells);
    }

    public void Note(string note) => _notes.Add(note);

    /// <summary>The notes every harness table starts with: the command that reproduces it, then the machine it ran on.</summary>
    /// <param name="harness">The harness's command word, e.g. <c>featurecode-latency</c>.</param>
    /// <param name="args">The options the harness was given.</param>
    /// <param name="loadAverage">The load average when the run started (<see cref="MachineFacts.LoadAverage"/>).</param>
    public void NoteCommandAndMachine(string harness, IReadOnlyList<string> args, string loadAverage)
    {
        Note($"`dotnet run -c Release --project tests/ContactCenter.Benchmarks -- {harness}{(args.Count > 0 ? " " + string.Join(' ', args) : string.Empty)}`");
        Note(string.Empty);
        Note($"Machine: {MachineFacts.Describe(loadAverage)}.");
    }

    public override string ToString()
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> cells) =>
            text.Append("| ").AppendJoin(" | ", cells.Select((c, i) => c.PadRight(widths[i]))).AppendLine(" |");
        Line(headers);
        text.Append('|').AppendJoin('|', widths.Select(w => new string('-', w + 2))).AppendLine("|");
        foreach (var row in _rows)
        {
            Line(row);
        }
        if (_notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in _notes)
            {
                text.AppendLine(note);
            }
        }
        return text.ToString();
    }
}
