using System.Text.Json;
using NcrsGateway.Core.Errors;
using NcrsGateway.Caching.Redis;
using StackExchange.Redis;

namespace NcrsGateway.ClinicalContext.Selection;

/// <summary>
/// Selections shared by every gateway instance, in Redis. Each operation is one Lua script, so the
/// invalidation rules hold under concurrency across instances. Keys hold only hashes of tokens, users and
/// workstations; the entry itself (which names the patient) expires with its retention. Needs a single
/// primary (scripts touch keys named inside them, so Redis Cluster is not supported). Redis down, hung or
/// suspended after a timeout: every operation throws selection-unavailable (503) within the operation timeout.
/// </summary>
internal sealed class RedisSelectionStore(RedisConnection redis) : ISelectionStore
{
    private readonly string _prefix = redis.Prefix + "selection:"; // under Redis:InstanceName, as every key the gateway writes
    private readonly string _entryPrefix = redis.Prefix + "selection:token:";

    // KEYS: entry, user+workstation pointer, workstation set, workstation last user, patient set.
    // ARGV: json, retain ms, user id, token hash, entry prefix.
    private const string SaveScript = """
        local last = redis.call('GET', KEYS[4])
        if last and last ~= ARGV[3] then
          for _, h in ipairs(redis.call('SMEMBERS', KEYS[3])) do
            local k = ARGV[5] .. h
            if redis.call('HGET', k, 'state') == 'active' then redis.call('HSET', k, 'state', 'superseded') end
          end
          redis.call('DEL', KEYS[3])
        end
        local previous = redis.call('GET', KEYS[2])
        if previous then
          local k = ARGV[5] .. previous
          if redis.call('HGET', k, 'state') == 'active' then redis.call('HSET', k, 'state', 'superseded') end
        end
        redis.call('HSET', KEYS[1], 'state', 'active', 'json', ARGV[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[2])
        redis.call('SADD', KEYS[3], ARGV[4])
        redis.call('PEXPIRE', KEYS[3], ARGV[2])
        redis.call('SET', KEYS[4], ARGV[3], 'PX', ARGV[2])
        redis.call('SADD', KEYS[5], ARGV[4])
        redis.call('PEXPIRE', KEYS[5], ARGV[2])
        return 1
        """;

    // KEYS: entry. ARGV: json, retain ms. A pending entry supersedes nothing and is never taken.
    private const string StageScript = """
        redis.call('HSET', KEYS[1], 'state', 'pending', 'json', ARGV[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
        """;

    // KEYS: entry, user+workstation pointer, workstation last user. ARGV: token hash, user hash.
    // A used entry goes back to active only while it is its user's latest there and that user is still the last one.
    private const string ReleaseScript = """
        if redis.call('HGET', KEYS[1], 'state') == 'used' and redis.call('GET', KEYS[2]) == ARGV[1] and redis.call('GET', KEYS[3]) == ARGV[2] then
          redis.call('HSET', KEYS[1], 'state', 'active')
          return 1
        end
        return 0
        """;

    // KEYS: patient set. ARGV: entry prefix. Marks the patient's active selections cancelled; returns how many.
    private const string CancelScript = """
        local n = 0
        for _, h in ipairs(redis.call('SMEMBERS', KEYS[1])) do
          local k = ARGV[1] .. h
          if redis.call('HGET', k, 'state') == 'active' then
            redis.call('HSET', k, 'state', 'cancelled')
            n = n + 1
          end
        end
        return n
        """;

    // KEYS: entry. Returns {state, json} as it was, marking an active entry used.
    private const string TakeScript = """
        local state = redis.call('HGET', KEYS[1], 'state')
        if not state or state == 'pending' then return false end
        local json = redis.call('HGET', KEYS[1], 'json')
        if state == 'active' then redis.call('HSET', KEYS[1], 'state', 'used') end
        return {state, json}
        """;

    // KEYS: workstation set, workstation last user. ARGV: user id, entry prefix, retain ms.
    private const string ObserveScript = """
        local last = redis.call('GET', KEYS[2])
        if last and last ~= ARGV[1] then
          for _, h in ipairs(redis.call('SMEMBERS', KEYS[1])) do
            local k = ARGV[2] .. h
            if redis.call('HGET', k, 'state') == 'active' then redis.call('HSET', k, 'state', 'superseded') end
          end
          redis.call('DEL', KEYS[1])
        end
        redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[3])
        return 1
        """;

    public async Task SaveAsync(PatientSelection selection, TimeSpan retainFor, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(selection, SelectionJson.Default.PatientSelection);
        await EvaluateAsync(db => db.ScriptEvaluateAsync(
            SaveScript,
            [EntryKey(selection.TokenHash), UserWorkstationKey(selection.UserId, selection.WorkstationId), WorkstationSetKey(selection.WorkstationId), WorkstationUserKey(selection.WorkstationId), PatientSetKey(selection.NhsNumber)],
            [json, Milliseconds(retainFor), SelectionTokens.Hash(selection.UserId), selection.TokenHash, _entryPrefix])).ConfigureAwait(false);
    }

    public async Task StageAsync(PatientSelection selection, TimeSpan retainFor, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(selection, SelectionJson.Default.PatientSelection);
        await EvaluateAsync(db => db.ScriptEvaluateAsync(StageScript, [EntryKey(selection.TokenHash)], [json, Milliseconds(retainFor)])).ConfigureAwait(false);
    }

    public async Task<bool> ReleaseAsync(PatientSelection selection, CancellationToken cancellationToken)
    {
        var result = await EvaluateAsync(db => db.ScriptEvaluateAsync(
            ReleaseScript,
            [EntryKey(selection.TokenHash), UserWorkstationKey(selection.UserId, selection.WorkstationId), WorkstationUserKey(selection.WorkstationId)],
            [selection.TokenHash, SelectionTokens.Hash(selection.UserId)])).ConfigureAwait(false);
        return (long)result == 1;
    }

    public async Task<StoredSelection?> TakeAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var result = await EvaluateAsync(db => db.ScriptEvaluateAsync(TakeScript, [EntryKey(tokenHash)])).ConfigureAwait(false);
        if (result.IsNull || result.Resp2Type != ResultType.Array)
        {
            return null;
        }

        var parts = (RedisResult[])result!;
        var selection = JsonSerializer.Deserialize((string)parts[1]!, SelectionJson.Default.PatientSelection)
            ?? throw new InvalidOperationException("Stored selection could not be read.");
        var state = (string?)parts[0] switch
        {
            "active" => SelectionState.Active,
            "used" => SelectionState.Used,
            "cancelled" => SelectionState.Cancelled,
            _ => SelectionState.Superseded,
        };
        return new StoredSelection(selection, state);
    }

    public async Task ObserveUserAsync(string workstationId, string userId, TimeSpan retainFor, CancellationToken cancellationToken) =>
        await EvaluateAsync(db => db.ScriptEvaluateAsync(
            ObserveScript,
            [WorkstationSetKey(workstationId), WorkstationUserKey(workstationId)],
            [SelectionTokens.Hash(userId), _entryPrefix, Milliseconds(retainFor)])).ConfigureAwait(false);

    public async Task<int> CancelForPatientAsync(string nhsNumber, CancellationToken cancellationToken)
    {
        var result = await EvaluateAsync(db => db.ScriptEvaluateAsync(CancelScript, [PatientSetKey(nhsNumber)], [_entryPrefix])).ConfigureAwait(false);
        return (int)result;
    }

    private async Task<RedisResult> EvaluateAsync(Func<IDatabase, Task<RedisResult>> script)
    {
        try
        {
            return await redis.RunAsync(script).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisConnection.IsOutage(e))
        {
            throw new GatewayException(GatewayErrors.SelectionUnavailable, inner: e);
        }
    }

    private RedisKey EntryKey(string tokenHash) => _entryPrefix + tokenHash;

    private RedisKey UserWorkstationKey(string userId, string workstationId) =>
        $"{_prefix}user-ws:{SelectionTokens.Hash(userId)}:{SelectionTokens.Hash(workstationId)}";

    private RedisKey WorkstationSetKey(string workstationId) => $"{_prefix}ws:{SelectionTokens.Hash(workstationId)}:tokens";

    private RedisKey WorkstationUserKey(string workstationId) => $"{_prefix}ws:{SelectionTokens.Hash(workstationId)}:user";

    private RedisKey PatientSetKey(string nhsNumber) => $"{_prefix}patient:{SelectionTokens.Hash(nhsNumber)}:tokens";

    private static long Milliseconds(TimeSpan span) => Math.Max(1, (long)span.TotalMilliseconds);
}
