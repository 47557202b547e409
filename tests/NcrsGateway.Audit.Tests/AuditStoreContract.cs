using NcrsGateway.Audit.Journal;
using NcrsGateway.Audit.Storage;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;
using static NcrsGateway.Audit.Tests.AuditTestData;

namespace NcrsGateway.Audit.Tests;

/// <summary>The behaviour every audit store must have, run against SQLite and a real PostgreSQL.</summary>
public abstract class AuditStoreContract : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    protected string DataDirectory { get; } = TempDirectory();

    /// <summary>A new store instance on this test's storage (same file / database every call).</summary>
    internal abstract IAuditStore OpenStore();

    /// <summary>Everything the storage holds, as text (raw file bytes, or every column cast to text).</summary>
    protected abstract Task<string> DumpStorageAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }

    [Fact]
    public async Task RecordCommitted_EveryField_RoundTrips()
    {
        var trail = await StartTrailAsync();
        var record = Record(category: FailureCategory.UserError, outcome: AuditOutcome.Failure, recorded: new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1234560));

        await trail.RecordAsync(record, AuditDurability.Committed, CancellationToken.None);

        var found = Assert.Single((await trail.SearchAsync(Query(), CancellationToken.None)).Records);
        Assert.Equal(record, found);
    }

    [Fact]
    public async Task Storage_AfterWrites_HoldsNoPlaintextNhsNumberInStoreOrJournal()
    {
        var trail = await StartTrailAsync(flushInterval: TimeSpan.FromHours(1));
        await trail.RecordAsync(Record(), AuditDurability.Committed, CancellationToken.None);
        await trail.RecordAsync(Record(), AuditDurability.WriteAhead, CancellationToken.None);

        var journal = string.Concat(Directory.GetFiles(DataDirectory, AuditJournal.FilePrefix + "*").Select(f => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.Contains("correlationId", journal, StringComparison.Ordinal);
        Assert.DoesNotContain(PatientA, journal, StringComparison.Ordinal);

        await trail.SearchAsync(Query(), CancellationToken.None); // moves the journalled row into the store
        var storage = await DumpStorageAsync();
        Assert.Contains("summary-view", storage, StringComparison.Ordinal);
        Assert.DoesNotContain(PatientA, storage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ByPatient_FindsOnlyThatPatientsRowsThroughTheKeyedHash()
    {
        var trail = await StartTrailAsync();
        await trail.RecordAsync(Record(PatientA), AuditDurability.Committed, CancellationToken.None);
        await trail.RecordAsync(Record(PatientB), AuditDurability.Committed, CancellationToken.None);
        await trail.RecordAsync(Record(null), AuditDurability.Committed, CancellationToken.None);

        var page = await trail.SearchAsync(Query(patient: Nhs(PatientB)), CancellationToken.None);

        Assert.Equal(PatientB, Assert.Single(page.Records).Patient?.Value);
    }

    [Fact]
    public async Task RowNamingSeveralPatients_RoundTripsAndIsFoundByAnyOfThem()
    {
        var trail = await StartTrailAsync();
        var several = Record(PatientA, user: "several", recorded: new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero), others: [PatientB, PatientC]);
        await trail.RecordAsync(several, AuditDurability.WriteAhead, CancellationToken.None);
        await trail.RecordAsync(Record(PatientA, user: "one"), AuditDurability.Committed, CancellationToken.None);

        foreach (var patient in new[] { PatientB, PatientC })
        {
            var found = Assert.Single((await trail.SearchAsync(Query(patient: Nhs(patient)), CancellationToken.None)).Records);
            Assert.Equal(several, found);
            Assert.Equal([PatientA, PatientB, PatientC], found.Patients.Select(p => p.Value));
        }

        Assert.Equal(2, (await trail.SearchAsync(Query(patient: Nhs(PatientA)), CancellationToken.None)).Records.Count);
    }

    [Fact]
    public async Task Search_RowWrittenBeforeRowsNamedSeveralPatients_IsStillFoundByItsPatient()
    {
        var store = OpenStore();
        _owned.Add(store);
        var trail = await StartTrailAsync();
        var mapper = new AuditRowMapper(new Crypto.PatientProtector(Keys));
        var legacy = mapper.ToRow(Record(PatientB, user: "legacy")) with { PatientHashes = null }; // as an older gateway journalled it
        await store.InsertAsync([legacy], CancellationToken.None);

        var found = Assert.Single((await trail.SearchAsync(Query(patient: Nhs(PatientB)), CancellationToken.None)).Records);

        Assert.Equal("legacy", found.UserId);
    }

    [Fact]
    public async Task Search_OrganisationScope_ReturnsOnlyThatOrganisationsRows()
    {
        var trail = await StartTrailAsync();
        await trail.RecordAsync(Record(user: "a-user", ods: "A11111"), AuditDurability.Committed, CancellationToken.None);
        await trail.RecordAsync(Record(user: "b-user", ods: "B99999"), AuditDurability.WriteAhead, CancellationToken.None);

        var own = await trail.SearchAsync(Query() with { Scope = AuditScope.Organisation("B99999") }, CancellationToken.None);
        var other = await trail.SearchAsync(Query(user: "a-user") with { Scope = AuditScope.Organisation("B99999") }, CancellationToken.None);
        var national = await trail.SearchAsync(Query(), CancellationToken.None);

        Assert.Equal("b-user", Assert.Single(own.Records).UserId);
        Assert.Empty(other.Records);
        Assert.Equal(["a-user", "b-user"], national.Records.Select(r => r.UserId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_OnePageOfMany_GivesTheTotalOfEveryMatchingRowOnEveryPage()
    {
        var trail = await StartTrailAsync();
        for (var i = 0; i < 3; i++)
        {
            await trail.RecordAsync(Record(user: "carol"), AuditDurability.Committed, CancellationToken.None);
        }

        await trail.RecordAsync(Record(user: "dave"), AuditDurability.Committed, CancellationToken.None);

        var first = await trail.SearchAsync(Query(user: "carol", count: 2), CancellationToken.None);
        var second = await trail.SearchAsync(Query(user: "carol", count: 2, cursor: first.NextCursor), CancellationToken.None);

        Assert.Equal((2, 3), (first.Records.Count, first.Total));
        Assert.Equal((1, 3), (second.Records.Count, second.Total));
    }

    [Fact]
    public async Task Search_ById_FindsThatRowOnlyWithinTheScope()
    {
        var trail = await StartTrailAsync();
        var record = Record(user: "erin", ods: "A12345");
        await trail.RecordAsync(record, AuditDurability.Committed, CancellationToken.None);
        await trail.RecordAsync(Record(user: "erin", ods: "A12345"), AuditDurability.Committed, CancellationToken.None);

        var own = await trail.SearchAsync(Query(count: 1) with { Id = record.Id, Scope = AuditScope.Organisation("A12345") }, CancellationToken.None);
        var other = await trail.SearchAsync(Query(count: 1) with { Id = record.Id, Scope = AuditScope.Organisation("B99999") }, CancellationToken.None);

        Assert.Equal((record.Id, record.CorrelationId), (Assert.Single(own.Records).Id, own.Records[0].CorrelationId));
        Assert.Empty(other.Records);
    }

    [Fact]
    public async Task Search_ByAgentDateRangeAndOutcome_AppliesEveryFilter()
    {
        var trail = await StartTrailAsync();
        var day = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        await trail.RecordAsync(Record(user: "alice", recorded: day), AuditDurability.Committed, CancellationToken.None);
        await trail.RecordAsync(Record(user: "alice", recorded: day.AddDays(2)), AuditDurability.Committed, CancellationToken.None);
        await trail.RecordAsync(Record(user: "alice", recorded: day, outcome: AuditOutcome.Failure, category: FailureCategory.AccessRefused), AuditDurability.Committed, CancellationToken.None);
        await trail.RecordAsync(Record(user: "alice", recorded: day, outcome: AuditOutcome.Failure, category: FailureCategory.UpstreamUnavailable), AuditDurability.Committed, CancellationToken.None);
        await trail.RecordAsync(Record(user: "bob", recorded: day), AuditDurability.Committed, CancellationToken.None);

        Assert.Equal(4, (await trail.SearchAsync(Query(user: "alice"), CancellationToken.None)).Records.Count);
        Assert.Equal(3, (await trail.SearchAsync(Query(user: "alice", from: day.AddHours(-1), to: day.AddHours(1)), CancellationToken.None)).Records.Count);
        Assert.Single((await trail.SearchAsync(Query(user: "alice", from: day.AddDays(1)), CancellationToken.None)).Records);
        Assert.Equal(2, (await trail.SearchAsync(Query(user: "alice", outcome: AuditOutcome.Success), CancellationToken.None)).Records.Count);
        var refused = await trail.SearchAsync(Query(user: "alice", outcome: AuditOutcome.Failure, categories: [FailureCategory.UserError, FailureCategory.AccessRefused]), CancellationToken.None);
        Assert.Equal(FailureCategory.AccessRefused, Assert.Single(refused.Records).FailureCategory);
    }

    [Fact]
    public async Task Search_PagingWithCursor_ReturnsEachRowExactlyOnceNewestFirst()
    {
        var trail = await StartTrailAsync();
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var written = new List<Guid>();
        for (var i = 0; i < 23; i++)
        {
            var record = Record(user: "pager", recorded: at.AddMinutes(i / 3)); // ties on time: id breaks them
            written.Add(record.Id);
            await trail.RecordAsync(record, AuditDurability.Committed, CancellationToken.None);
        }

        var seen = new List<AuditRecord>();
        string? cursor = null;
        do
        {
            var page = await trail.SearchAsync(Query(user: "pager", count: 5, cursor: cursor), CancellationToken.None);
            Assert.True(page.Records.Count <= 5);
            seen.AddRange(page.Records);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(written.Order(), seen.Select(r => r.Id).Order());
        Assert.Equal(seen.OrderByDescending(r => r.Recorded).Select(r => r.Recorded), seen.Select(r => r.Recorded));
    }

    [Fact]
    public async Task Replay_AfterCrashWithoutDrain_StoresEveryJournalledRow()
    {
        var crashed = Trail(OpenStore(), DataDirectory, batchSize: 1000, flushInterval: TimeSpan.FromHours(1));
        await crashed.StartAsync(CancellationToken.None);
        var records = Enumerable.Range(0, 20).Select(_ => Record(user: "replay")).ToList();
        foreach (var record in records)
        {
            await crashed.RecordAsync(record, AuditDurability.WriteAhead, CancellationToken.None);
        }

        await crashed.DisposeAsync(); // no drain: the rows are only in the journal
        var store = OpenStore();
        _owned.Add(store);
        Assert.Empty(await store.SearchAsync(new AuditRowQuery(null, "replay", null, null, null, null, 100, null), CancellationToken.None));

        var restarted = await StartTrailAsync();

        var found = await restarted.SearchAsync(Query(user: "replay"), CancellationToken.None);
        Assert.Equal(records.Select(r => r.Id).Order(), found.Records.Select(r => r.Id).Order());
        Assert.Empty(Directory.GetFiles(DataDirectory, AuditJournal.FilePrefix + "*"));
    }

    [Fact]
    public async Task Replay_AfterCrashWithSomeRowsAlreadyStored_CountsOnlyTheRowsNotYetStored()
    {
        var crashed = Trail(OpenStore(), DataDirectory, batchSize: 1000, flushInterval: TimeSpan.FromHours(1));
        await crashed.StartAsync(CancellationToken.None);
        for (var i = 0; i < 12; i++)
        {
            await crashed.RecordAsync(Record(user: "stored-before-crash"), AuditDurability.WriteAhead, CancellationToken.None);
        }

        await crashed.FlushAsync(CancellationToken.None); // stored, but still lines of the open journal segment
        var unstored = Enumerable.Range(0, 5).Select(_ => Record(user: "lost-in-crash")).ToList();
        foreach (var record in unstored)
        {
            await crashed.RecordAsync(record, AuditDurability.WriteAhead, CancellationToken.None);
        }

        await crashed.DisposeAsync(); // crash: no drain
        var restarted = await StartTrailAsync();

        Assert.Equal((Stored: 5, AlreadyStored: 12, Left: 0), restarted.Replay);
        Assert.Equal(unstored.Select(r => r.Id).Order(), (await restarted.SearchAsync(Query(user: "lost-in-crash"), CancellationToken.None)).Records.Select(r => r.Id).Order());
        Assert.Equal(12, (await restarted.SearchAsync(Query(user: "stored-before-crash"), CancellationToken.None)).Records.Count);
    }

    [Fact]
    public async Task RecordWriteAhead_200Concurrent_AllLandExactlyOnce()
    {
        var trail = await StartTrailAsync();
        var records = Enumerable.Range(0, 200).Select(_ => Record(user: "burst")).ToList();

        await Task.WhenAll(records.Select(r => Task.Run(() => trail.RecordAsync(r, AuditDurability.WriteAhead, CancellationToken.None))));
        await trail.StopAsync(CancellationToken.None);

        var store = OpenStore();
        _owned.Add(store);
        var rows = await store.SearchAsync(new AuditRowQuery(null, "burst", null, null, null, null, 1000, null), CancellationToken.None);
        Assert.Equal(records.Select(r => r.Id).Order(), rows.Select(r => r.Id).Order());
    }

    private async Task<AuditTrail> StartTrailAsync(TimeSpan? flushInterval = null)
    {
        var store = OpenStore();
        var trail = Trail(store, DataDirectory, flushInterval: flushInterval);
        _owned.Add(store);
        _owned.Add(trail);
        await trail.StartAsync(CancellationToken.None);
        return trail;
    }
}
