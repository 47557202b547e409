using NcrsGateway.Adapters.Pds;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Pds.Tests;

public sealed class PdsSearchParametersTests
{
    [Fact]
    public void ToQueryString_FullQuery_UsesPdsParameterNamesAndEscapesValues()
    {
        var query = new PatientSearchQuery("O'Neil", ["Mary Ann"], [new DateSearch("ge", new DateOnly(1950, 1, 1)), new DateSearch("le", new DateOnly(1960, 12, 31))],
            "female", "LS1 6AE", FuzzyMatch: true, ExactMatch: false, MaxResults: 5);

        Assert.Equal(
            "Patient?family=O%27Neil&given=Mary%20Ann&birthdate=ge1950-01-01&birthdate=le1960-12-31&gender=female&address-postalcode=LS1%206AE&_fuzzy-match=true&_max-results=5",
            PdsSearchParameters.ToQueryString(query));
    }
}
