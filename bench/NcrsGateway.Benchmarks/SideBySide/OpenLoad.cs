using System.Diagnostics;

namespace NcrsGateway.Benchmarks.SideBySide;

/// <summary>
/// An open-loop load: requests started at a fixed rate whatever the answers' speed (so a slow answer does not slow the
/// load down, as it would with wrk's closed loop), each timed from its scheduled start.
/// </summary>
internal static class OpenLoad
{
    public static async Task<List<Answer>> RunAsync(HttpClient http, double perSecond, TimeSpan duration, Func<int, HttpRequestMessage> request)
    {
        var answers = new List<Answer>();
        var pending = new List<Task>();
        var clock = Stopwatch.StartNew();
        var total = (int)(perSecond * duration.TotalSeconds);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            var ahead = due - clock.Elapsed;
            if (ahead > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(ahead);
            }

            var index = i;
            pending.Add(Task.Run(async () =>
            {
                using var message = request(index);
                var started = clock.Elapsed;
                try
                {
                    using var response = await http.SendAsync(message);
                    await response.Content.LoadIntoBufferAsync();
                    var cache = response.Headers.TryGetValues("X-Cache", out var values) ? values.FirstOrDefault() : null;
                    lock (answers)
                    {
                        answers.Add(new Answer(due, clock.Elapsed - due, (int)response.StatusCode, cache));
                    }
                }
                catch (HttpRequestException)
                {
                    lock (answers)
                    {
                        answers.Add(new Answer(due, clock.Elapsed - due, 0, null));
                    }
                }
            }));
        }

        await Task.WhenAll(pending);
        return answers;
    }

    public static double Percentile(IEnumerable<TimeSpan> latencies, double percentile)
    {
        var sorted = latencies.Select(l => l.TotalMilliseconds).Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1)];
    }
}

/// <summary>One open-loop answer: when it was due, how long it took from then, its status (0: no answer) and X-Cache.</summary>
internal sealed record Answer(TimeSpan Due, TimeSpan Latency, int Status, string? Cache);
