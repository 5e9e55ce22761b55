using NUnit.Framework;

namespace SecureMailGate.Exchange.RealApiTests;

/// <summary>Stands in for the real-assembly tests when no Exchange assemblies were given.</summary>
[TestFixture]
public sealed class NotConfigured
{
    [Test]
    public void Real_Exchange_assemblies_were_not_given()
    {
        Assert.Ignore("The real-assembly tests need Exchange's own DLLs: run dotnet test tests/SecureMailGate.Exchange.RealApiTests -p:ExchangeLibPath=<folder holding Microsoft.Exchange.Data.Transport.dll and Microsoft.Exchange.Data.Common.dll> (see deploy/README.md).");
    }
}
