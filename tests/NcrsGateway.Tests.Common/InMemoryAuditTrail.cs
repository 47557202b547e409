using System.Collections.Concurrent;
using NcrsGateway.Core.Audit;

namespace NcrsGateway.Tests.Common;

/// <summary>
/// A capturing audit trail for tests (the real store is registered by <c>AddAuditTrail</c>). Set
/// <see cref="FailWrites"/> to make every write throw, as a store that is down would; <see cref="FailCommittedWrites"/>
/// to fail only committed writes (the relational store is down, the write-ahead journal is not);
/// <see cref="FailSearches"/> to make searches throw.
/// </summary>
public sealed class InMemoryAuditTrail : IAuditTrail
{
    private readonly ConcurrentQueue<(AuditRecord Record, AuditDurability Durability)> _rows = new();

    public bool FailWrites { get; set; }

    public bool FailCommittedWrites { get; set; }

    public bool FailSearches { get; set; }

    public IReadOnlyList<AuditRecord> Records => _rows.Select(r => r.Record).ToList();

    public IReadOnlyList<(AuditRecord Record, AuditDurability Durability)> Rows => _rows.ToList();

    public Task RecordAsync(AuditRecord record, AuditDurability durability, CancellationToken cancellationToken)
    {
        if (FailWrites || (FailCommittedWrites && durability == AuditDurability.Committed))
        {
            throw new InvalidOperationException("Simulated audit store outage.");
        }

        _rows.Enqueue((record, durability));
        return Task.CompletedTask;
    }

    public Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        if (FailSearches)
        {
            throw new InvalidOperationException("Simulated audit store outage.");
        }

        var rows = Records
            .Where(r => query.Scope.OrganisationOds is null || r.OrganisationOds == query.Scope.OrganisationOds)
            .Where(r => query.Id is not { } id || r.Id == id)
            .Where(r => query.Patient is not { } patient || r.Patients.Contains(patient))
            .Where(r => query.UserId is null || r.UserId == query.UserId)
            .Where(r => query.Outcome is null || r.Outcome == query.Outcome)
            .Where(r => query.From is null || r.Recorded >= query.From)
            .Where(r => query.To is null || r.Recorded <= query.To)
            .OrderByDescending(r => r.Recorded)
            .ToList();
        return Task.FromResult(new AuditPage([.. rows.Take(query.Count)], null, rows.Count));
    }
}
