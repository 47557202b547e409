namespace NcrsGateway.Caching;

/// <summary>The kinds of metadata the cache accepts; each has its own TTL in <see cref="CacheOptions"/>.</summary>
public enum CacheableKind
{
    /// <summary>A demographics summary: Patient, or a Bundle of Patients.</summary>
    Demographics,

    /// <summary>Document-pointer metadata: DocumentReference, or a Bundle of them. Never the document itself.</summary>
    DocumentPointers,
}
