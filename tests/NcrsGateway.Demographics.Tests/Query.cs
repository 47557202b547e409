using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace NcrsGateway.Demographics.Tests;

/// <summary>A request's query collection, parsed from its query string as Kestrel would.</summary>
internal static class Query
{
    public static IQueryCollection Of(string queryString) => new QueryCollection(QueryHelpers.ParseQuery(queryString));
}
