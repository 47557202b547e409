using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NcrsGateway.Events.Ingestion;

namespace NcrsGateway.Events.Tests.Ingestion;

public sealed class SenderAuthenticatorTests
{
    private const string Secret = "a-shared-secret-of-at-least-32-characters";
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"1"}""");

    [Theory]
    [InlineData(Secret, true)]
    [InlineData("a-shared-secret-of-at-least-32-characterz", false)]
    [InlineData("short", false)]
    [InlineData("", false)]
    public void HasValidSecret_AcceptsOnlyTheConfiguredSecret(string presented, bool expected)
    {
        var request = Request(("X-Events-Secret", presented));

        Assert.Equal(expected, Authenticator().HasValidSecret(request));
    }

    [Fact]
    public void HasValidSecret_NoHeader_IsRefused() => Assert.False(Authenticator().HasValidSecret(Request()));

    [Fact]
    public void HasValidSignature_HmacOfTheExactBody_IsAccepted()
    {
        var request = Request(("X-Events-Signature", SenderAuthenticator.Sign(Key, Body)));

        Assert.True(Authenticator().HasValidSignature(request, Body));
    }

    [Fact]
    public void HasValidSignature_BodyChangedAfterSigning_IsRefused()
    {
        var request = Request(("X-Events-Signature", SenderAuthenticator.Sign(Key, Body)));

        Assert.False(Authenticator().HasValidSignature(request, Encoding.UTF8.GetBytes("""{"id":"2"}""")));
    }

    [Fact]
    public void HasValidSignature_SignedWithAnotherKey_IsRefused()
    {
        var request = Request(("X-Events-Signature", SenderAuthenticator.Sign(new byte[32], Body)));

        Assert.False(Authenticator().HasValidSignature(request, Body));
    }

    private static SenderAuthenticator Authenticator() =>
        new(Options.Create(new EventsOptions { SharedSecret = Secret, SigningKey = Convert.ToBase64String(Key) }));

    private static HttpRequest Request(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context.Request;
    }
}
