using System.Collections.Concurrent;
using MealGateway.County;
using MealGateway.Settlement;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MealGateway.Tests.County;

/// <summary>What the stand-in does with one request.</summary>
public enum StandInFault
{
    None,

    /// <summary>503 before applying anything.</summary>
    ServiceUnavailable,

    /// <summary>Applies, then gives no answer before the client gives up (see MarkTimeouts).</summary>
    Timeout,

    /// <summary>Applies, then drops the connection without an answer.</summary>
    ApplyThenDrop,
}

/// <summary>
/// The county platform as the tests need it: Kestrel on loopback, checks each request's HMAC
/// signature, applies each idempotency key once and each statement's revisions in order (and each
/// gateway's daily absence counts in day order), and records what it applied. Faults are chosen per request by the test.
/// </summary>
public sealed class CountyStandIn : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly object gate = new();
    private readonly Dictionary<string, Statement> appliedByKey = new();
    private readonly Dictionary<string, int> latestRevision = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> requestWaiters = new();
    private int requests;

    private CountyStandIn(WebApplication app)
    {
        this.app = app;
    }

    public Uri Url { get; private set; } = null!;

    public static byte[] Key { get; } = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    /// <summary>Chooses the fault for each request; no fault by default.</summary>
    public Func<StandInFault> Faults { get; set; } = () => StandInFault.None;

    /// <summary>
    /// How a Timeout fault ends. Marked: the answer carries NoAnswerHeader, which NoAnswerHandler on
    /// the test's client turns into the client's own timeout at once, whatever the machine's load.
    /// Unmarked, for a client the test cannot reach into (a gateway process): the answer is held
    /// until the client gives up and closes the connection.
    /// </summary>
    public bool MarkTimeouts { get; set; }

    public const string NoAnswerHeader = "X-Stand-In-No-Answer";

    /// <summary>Requests with a valid signature received so far.</summary>
    public int Requests
    {
        get
        {
            lock (gate)
            {
                return requests;
            }
        }
    }

    /// <summary>
    /// Faults drawn at random from a seed, in tenths: <paramref name="healthy"/> answered normally,
    /// then 503s, applied-then-dropped and timeouts sharing the rest (2, 2 and the remainder).
    /// </summary>
    public static Func<StandInFault> RandomFaults(int seed, int healthy)
    {
        var random = new Random(seed);
        return () =>
        {
            lock (random)
            {
                int draw = random.Next(10);
                return draw < healthy ? StandInFault.None
                    : draw < healthy + 2 ? StandInFault.ServiceUnavailable
                    : draw < healthy + 4 ? StandInFault.ApplyThenDrop
                    : StandInFault.Timeout;
            }
        };
    }

    /// <summary>Daily absence counts applied (POST /v1/daily-absences), in the order applied.</summary>
    public ConcurrentQueue<MealGateway.Welfare.DailyAbsences> AppliedAbsences { get; } = new();

    /// <summary>Revisions applied, in the order applied.</summary>
    public ConcurrentQueue<Statement> Applied { get; } = new();

    /// <summary>Requests whose key had already been applied (answered 200, applied nothing).</summary>
    public int Duplicates;

    public int BadSignatures;

    /// <summary>Revisions that arrived out of order (refused with 422): should stay 0.</summary>
    public int OutOfOrder;

    public ConcurrentDictionary<StandInFault, int> FaultsInjected { get; } = new();

    public static async Task<CountyStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.WebHost.UseUrls("http://127.0.0.1:0"); // the OS picks the port at bind: no other test can take it first
        var app = builder.Build();
        var standIn = new CountyStandIn(app);
        app.MapPost("/v1/statements", standIn.HandleAsync);
        app.MapPost("/v1/daily-tallies", standIn.HandleAsync);
        app.MapPost("/v1/daily-absences", standIn.HandleAsync);
        await app.StartAsync();
        standIn.Url = new Uri(app.Urls.First());
        return standIn;
    }

    /// <summary>Completes when this many signed requests have arrived (the newest is still being handled).</summary>
    public Task WaitForRequestsAsync(int total)
    {
        lock (gate)
        {
            if (requests >= total)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            requestWaiters.Add((total, reached));
            return reached.Task;
        }
    }

    /// <summary>The latest applied revision of each (kind, site, period).</summary>
    public IReadOnlyDictionary<string, Statement> Latest()
    {
        lock (gate)
        {
            return Applied.GroupBy(s => $"{s.Kind}|{s.Site}|{s.Period}").ToDictionary(g => g.Key, g => g.MaxBy(s => s.Revision)!);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        byte[] body = buffer.ToArray();
        string key = context.Request.Headers[RequestSigner.IdempotencyHeader].ToString();
        if (!long.TryParse(context.Request.Headers[RequestSigner.TimestampHeader], out long timestamp)
            || !RequestSigner.Verify(Key, timestamp, "POST", context.Request.Path, key, body, context.Request.Headers[RequestSigner.SignatureHeader].ToString()))
        {
            Interlocked.Increment(ref BadSignatures);
            context.Response.StatusCode = 401;
            return;
        }

        lock (gate)
        {
            requests++;
            foreach (var waiter in requestWaiters.Where(w => w.Count <= requests).ToList())
            {
                waiter.Reached.TrySetResult();
                requestWaiters.Remove(waiter);
            }
        }

        var fault = Faults();
        FaultsInjected.AddOrUpdate(fault, 1, (_, n) => n + 1);
        if (fault == StandInFault.ServiceUnavailable)
        {
            context.Response.StatusCode = 503;
            return;
        }

        string json = System.Text.Encoding.UTF8.GetString(body);
        int status = context.Request.Path == "/v1/daily-absences" ? ApplyAbsences(key, json) : Apply(key, StatementJson.Read(json));
        if (fault == StandInFault.ApplyThenDrop)
        {
            context.Abort();
            return;
        }

        if (fault == StandInFault.Timeout && MarkTimeouts)
        {
            context.Response.Headers[NoAnswerHeader] = "1";
        }
        else if (fault == StandInFault.Timeout)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up: nobody hears an answer
            }
        }

        context.Response.StatusCode = status;
    }

    private int ApplyAbsences(string key, string json)
    {
        var counts = System.Text.Json.JsonSerializer.Deserialize<MealGateway.Welfare.DailyAbsences>(json, StatementJson.Options)!;
        lock (gate)
        {
            if (appliedByKey.ContainsKey(key) || AppliedAbsences.Any(a => a.IdempotencyKey == key))
            {
                Interlocked.Increment(ref Duplicates);
                return 200;
            }

            if (counts.IdempotencyKey != key || AppliedAbsences.Any(a => string.CompareOrdinal(a.Day, counts.Day) >= 0))
            {
                OutOfOrder++;
                return 422;
            }

            AppliedAbsences.Enqueue(counts);
            return 201;
        }
    }

    private int Apply(string key, Statement statement)
    {
        lock (gate)
        {
            if (appliedByKey.ContainsKey(key))
            {
                Interlocked.Increment(ref Duplicates);
                return 200;
            }

            string id = $"{statement.Kind}|{statement.Site}|{statement.Period}";
            if (statement.Revision != latestRevision.GetValueOrDefault(id) + 1 || statement.IdempotencyKey != key)
            {
                OutOfOrder++;
                return 422;
            }

            appliedByKey[key] = statement;
            latestRevision[id] = statement.Revision;
            Applied.Enqueue(statement);
            return 201;
        }
    }
}
