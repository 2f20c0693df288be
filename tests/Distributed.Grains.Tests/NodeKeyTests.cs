using Distributed.Abstractions.Cluster;

namespace Distributed.Grains.Tests;

public sealed class NodeKeyTests
{
    private static readonly SiloAddress Silo = SiloAddress.New(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 11111), 7);

    [Fact]
    public void SiloOf_KeyWithSuffix_ReturnsSilo() =>
        Assert.Equal(Silo, NodeKey.SiloOf(NodeKey.For(Silo, "trainer/3")));

    [Fact]
    public void SiloOf_BareKey_ReturnsSilo() => Assert.Equal(Silo, NodeKey.SiloOf(NodeKey.For(Silo)));

    [Fact]
    public void SiloOf_Garbage_ThrowsFormatExceptionNamingKey()
    {
        var error = Assert.Throws<FormatException>(() => NodeKey.SiloOf("not-a-silo"));
        Assert.Contains("not-a-silo", error.Message, StringComparison.Ordinal);
    }
}
