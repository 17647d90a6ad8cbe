using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.UnitTests.Completeness;

/// <summary>The ops are one closed set: each has its name, its rules in the catalog, and nothing else is an op.</summary>
public sealed class OpCompletenessTests
{
    [Fact]
    public void Every_op_kind_has_a_name_and_a_catalog_entry_and_every_name_a_kind()
    {
        foreach (var kind in Enum.GetValues<OpKind>())
        {
            var name = Ops.NameOf(kind);
            Assert.Equal(kind, Ops.KindOf(name));
            Assert.True(OpCatalog.Specs.ContainsKey(name), $"op '{name}' has no entry in OpCatalog");
        }
        Assert.Equal(Enum.GetValues<OpKind>().Length, Ops.All.Count);
        Assert.Equal(Ops.All.Order(), OpCatalog.Specs.Keys.Order());
    }
}
