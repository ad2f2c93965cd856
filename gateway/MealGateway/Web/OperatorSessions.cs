using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MealGateway.Web;

/// <summary>
/// Browser sessions after POST /api/login: a random session id (the HttpOnly cookie) and an
/// anti-forgery token that every write through the cookie must echo in the X-CSRF-Token header
/// (the synchronizer-token pattern; a cross-site page cannot read it). Kept in memory only: a
/// gateway restart logs operators out. A session ends after 8 hours, or 30 minutes unused.
/// </summary>
public sealed class OperatorSessions(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, Session> sessions = new(StringComparer.Ordinal);

    public sealed record Session(string Account, string CsrfToken, DateTimeOffset StartedUtc)
    {
        public DateTimeOffset LastUsedUtc { get; set; } = StartedUtc;
    }

    /// <summary>Starts a session; returns its id (for the cookie) and the session.</summary>
    public (string Id, Session Session) Start(string account)
    {
        var now = clock.GetUtcNow();
        foreach (var (id, old) in sessions)
        {
            if (IsOver(old, now))
            {
                sessions.TryRemove(id, out _);
            }
        }

        var session = new Session(account, NewSecret(), now);
        string sessionId = NewSecret();
        sessions[sessionId] = session;
        return (sessionId, session);
    }

    public Session? Find(string? sessionId)
    {
        if (sessionId is null || !sessions.TryGetValue(sessionId, out var session))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (IsOver(session, now))
        {
            sessions.TryRemove(sessionId, out _);
            return null;
        }

        session.LastUsedUtc = now;
        return session;
    }

    public void End(string? sessionId)
    {
        if (sessionId is not null)
        {
            sessions.TryRemove(sessionId, out _);
        }
    }

    private static bool IsOver(Session s, DateTimeOffset now) => now - s.StartedUtc > Lifetime || now - s.LastUsedUtc > IdleLimit;

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
