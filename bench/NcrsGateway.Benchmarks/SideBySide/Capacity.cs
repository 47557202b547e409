using System.Globalization;

namespace NcrsGateway.Benchmarks.SideBySide;

/// <summary>
/// The capacity scenario: a clinic-shaped load (Zipf, exponent 1, over 10 000 patients) at 50 × PDS's 5 reads a second
/// against a stand-in PDS that answers 429 beyond 5 a second, through the gateway with PDS's default request budget.
/// </summary>
internal static class Capacity
{
    public const int Patients = 10_000;
    public const double PdsPerSecond = 5;
    public const double LoadPerSecond = 50 * PdsPerSecond;

    public static async Task<CapacityFigures> RunAsync(TimeSpan duration)
    {
        await using var pds = await StandInPds.StartAsync(requestsPerSecond: (int)PdsPerSecond);
        await using var gateway = await BenchGateway.StartAsync(pds.BaseUrl, nationalBudget: true);
        using var http = gateway.CreateClient();
        var numbers = NhsNumbers.Distinct(Patients);
        var zipf = new Zipf(Patients, exponent: 1.0, seed: 17);
        var picks = Enumerable.Range(0, (int)(LoadPerSecond * duration.TotalSeconds) + 1).Select(_ => numbers[zipf.Next()]).ToArray();

        var answers = await OpenLoad.RunAsync(http, LoadPerSecond, duration, i => new HttpRequestMessage(HttpMethod.Get, "fhir/Patient/" + picks[i]));

        var hits = answers.Count(a => a.Status == 200 && a.Cache == "HIT");
        return new CapacityFigures(
            answers.Count,
            pds.Throttled,
            pds.Answered,
            Share(hits, answers.Count),
            Share(answers.Count(a => a.Status == 200), answers.Count),
            Share(answers.Count(a => a.Status == 503), answers.Count),
            TimeToWarm(answers, 0.5),
            OpenLoad.Percentile(answers.Select(a => a.Latency), 99));
    }

    /// <summary>Seconds from the start until the share answered from the cache, over the last 5 s, first reaches <paramref name="share"/>.</summary>
    private static double? TimeToWarm(List<Answer> answers, double share)
    {
        var seconds = (int)Math.Ceiling(answers.Select(a => a.Due.TotalSeconds).DefaultIfEmpty().Max());
        for (var s = 5; s <= seconds; s++)
        {
            var window = answers.Where(a => a.Due.TotalSeconds >= s - 5 && a.Due.TotalSeconds < s).ToList();
            if (window.Count > 0 && window.Count(a => a.Cache == "HIT") >= share * window.Count)
            {
                return s;
            }
        }

        return null;
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);

    /// <summary>Zipf-distributed ranks 0..n-1 by inverse CDF, repeatable for a seed.</summary>
    internal sealed class Zipf
    {
        private readonly double[] _cdf;
        private readonly Random _random;

        public Zipf(int n, double exponent, int seed)
        {
            _random = new Random(seed);
            _cdf = new double[n];
            var sum = 0.0;
            for (var k = 1; k <= n; k++)
            {
                sum += 1 / Math.Pow(k, exponent);
                _cdf[k - 1] = sum;
            }

            for (var i = 0; i < n; i++)
            {
                _cdf[i] /= sum;
            }
        }

        public int Next()
        {
            var index = Array.BinarySearch(_cdf, _random.NextDouble());
            return Math.Min(_cdf.Length - 1, index >= 0 ? index : ~index);
        }
    }
}

/// <summary>What the capacity scenario measured.</summary>
public sealed record CapacityFigures(
    int Requests, int Upstream429s, int UpstreamReads, double ShareFromCache, double ShareServed, double ShareUpstreamBusy, double? TimeToWarmSeconds, double P99Ms)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Requests} requests, upstream 429s {Upstream429s}, from cache {ShareFromCache:P1}, served {ShareServed:P1}, warm after {TimeToWarmSeconds?.ToString(CultureInfo.InvariantCulture) ?? "-"} s");
}

/// <summary>Distinct valid NHS numbers (correct check digit) from 900 000 000x upwards.</summary>
internal static class NhsNumbers
{
    public static string[] Distinct(int count)
    {
        var numbers = new List<string>(count);
        for (long stem = 900_000_000; numbers.Count < count; stem++)
        {
            var digits = stem.ToString(CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += (digits[i] - '0') * (10 - i);
            }

            var check = 11 - (sum % 11);
            if (check != 10)
            {
                numbers.Add(digits + (check == 11 ? 0 : check).ToString(CultureInfo.InvariantCulture));
            }
        }

        return [.. numbers];
    }
}
