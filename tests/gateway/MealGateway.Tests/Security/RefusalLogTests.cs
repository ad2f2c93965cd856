using MealGateway.Ingest;
using MealGateway.Tests.Settlement;
using Microsoft.Extensions.Logging;

namespace MealGateway.Tests.Security;

/// <summary>Issue #14: 10,000 bad batches made 20,000 log lines; now one line per terminal and interval.</summary>
public sealed class RefusalLogTests
{
    private sealed class LineCounter : ILogger
    {
        public List<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }

    [Fact]
    public void TenThousandRefusals_MakeOneLineAtOnce_AndOneSummaryPerTerminal()
    {
        var log = new LineCounter();
        using var refusals = new RefusalLog(log, new ManualClock(DateTimeOffset.UtcNow));
        for (int i = 0; i < 10_000; i++)
        {
            refusals.Note("S01", "T01", "records", i % 2 == 0 ? "BadCrc" : "Truncated");
        }

        refusals.Note("S01", "T02", "status", "BadCrc");
        Assert.Equal(2, log.Lines.Count);

        refusals.Summarise();

        Assert.Equal(3, log.Lines.Count);
        Assert.Contains("9999 more payloads from S01/T01", log.Lines[2]);
        Assert.Contains("records.BadCrc 4999", log.Lines[2]);
        Assert.Contains("records.Truncated 5000", log.Lines[2]);

        refusals.Summarise();
        refusals.Note("S01", "T01", "records", "BadCrc");
        Assert.Equal(4, log.Lines.Count);
    }
}
