using MealGateway.Settlement;
using Microsoft.Extensions.Logging;

namespace MealGateway.County;

/// <summary>
/// Delivers outbox entries to the county platform in order, exactly once as the platform sees it:
/// every attempt carries the entry's idempotency key, so an entry the platform applied but whose
/// answer was lost is applied only once when sent again. A failed entry holds back the ones after
/// it (revisions of a statement must arrive in order) until its retry is due. State lives in the
/// outbox, so a restart carries on where the last run stopped.
/// </summary>
public sealed class CountyForwarder(SettlementStore statements, CountyClient client, RetrySchedule schedule, TimeProvider time, Func<double> random, ILogger logger)
{
    private readonly SemaphoreSlim wake = new(0);

    /// <summary>Entries delivered by this process.</summary>
    public long Delivered { get; private set; }

    public long FailedAttempts { get; private set; }

    /// <summary>Why the last attempt failed, empty after a success.</summary>
    public string LastError { get; private set; } = string.Empty;

    /// <summary>Sends every entry that is due, in order, until one fails or none is due. Returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        int delivered = 0;
        foreach (var entry in statements.Pending())
        {
            var now = time.GetUtcNow();
            if (entry.NextAttemptUtc > now.UtcDateTime)
            {
                break;
            }

            var result = await client.SendAsync(entry, statements.JsonOf(entry), now, cancellationToken);
            entry.Attempts++;
            if (result.Delivered)
            {
                entry.Delivered = true;
                entry.DeliveredUtc = time.GetUtcNow().UtcDateTime;
                entry.LastError = string.Empty;
                statements.Update(entry);
                Delivered++;
                delivered++;
                LastError = string.Empty;
                continue;
            }

            int failures = entry.Attempts;
            entry.LastError = result.Reason;
            entry.NextAttemptUtc = schedule.NextAttempt(time.GetUtcNow().UtcDateTime, failures, random());
            statements.Update(entry);
            FailedAttempts++;
            LastError = result.Reason;
            logger.LogWarning("County delivery of {Key} failed (attempt {Attempt}), next at {Next:u}: {Reason}", entry.IdempotencyKey, entry.Attempts, entry.NextAttemptUtc, result.Reason);
            break;
        }

        return delivered;
    }

    /// <summary>Asks the loop to look at the outbox now (new revisions were written).</summary>
    public void Nudge() => wake.Release();

    /// <summary>Runs until cancelled: sends what is due, then sleeps until the next entry is due or a nudge.</summary>
    public async Task RunAsync(TimeSpan poll, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(cancellationToken);
                var next = statements.Pending().FirstOrDefault()?.NextAttemptUtc;
                var wait = next is null ? poll : TimeSpan.FromTicks(Math.Clamp((next.Value - time.GetUtcNow().UtcDateTime).Ticks, 0, poll.Ticks));
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(wait);
                try
                {
                    await wake.WaitAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                // Database trouble or a bug: logged, and the outbox is tried again after the poll interval.
                logger.LogError(ex, "County forwarder pass failed");
                LastError = ex.Message;
                await Task.Delay(poll, time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
