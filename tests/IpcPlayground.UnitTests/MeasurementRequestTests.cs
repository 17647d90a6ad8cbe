using IpcPlayground.Contracts.Measurements;

namespace IpcPlayground.UnitTests;

/// <summary>The measurement request of the contract: its defaults, and every bad field named by its JSON path.</summary>
public sealed class MeasurementRequestTests
{
    [Fact]
    public void An_empty_request_is_the_contracts_default_matrix()
    {
        foreach (var body in new[] { "", "{}" })
        {
            var read = MeasurementReader.Read(body);
            Assert.True(read.IsValid, string.Join("; ", read.Errors));
            var request = read.Request!;
            Assert.Equal(["pipe", "socketpair", "tcp", "sysv-msgq", "posix-mq", "shm-sem", "shm-ring"], request.Mechanisms);
            Assert.Equal([64, 4096, 65536], request.Sizes);
            Assert.Equal(("stream", "any", true, 1), (request.Pattern, request.Cpus, request.Reference, request.Format));
        }
    }

    [Fact]
    public void A_full_request_reads_as_written()
    {
        var read = MeasurementReader.Read("""
            {"format":1,"mechanisms":["eventfd","signal","shm-ring"],"sizes":[8],"pattern":"ping-pong","cpus":"different","reference":false}
            """);
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal(["eventfd", "signal", "shm-ring"], read.Request!.Mechanisms);
        Assert.Equal(("ping-pong", "different", false), (read.Request.Pattern, read.Request.Cpus, read.Request.Reference));
    }

    [Theory]
    [InlineData("""{"mechanisms":["pipe","carrier-pigeon"]}""", "mechanisms[1]", "not a mechanism")]
    [InlineData("""{"mechanisms":["pipe","pipe"]}""", "mechanisms[1]", "named twice")]
    [InlineData("""{"mechanisms":[]}""", "mechanisms", "from 1 to")]
    [InlineData("""{"mechanisms":["eventfd"]}""", "mechanisms[0]", "ping-pong")]
    [InlineData("""{"sizes":[64,0]}""", "sizes[1]", "from 1 to 1048576")]
    [InlineData("""{"sizes":[2097152]}""", "sizes[0]", "1 MiB")]
    [InlineData("""{"sizes":[64,64]}""", "sizes[1]", "named twice")]
    [InlineData("""{"sizes":[1,2,3,4,5,6,7,8,9]}""", "sizes", "from 1 to 8")]
    [InlineData("""{"pattern":"burst"}""", "pattern", "stream or ping-pong")]
    [InlineData("""{"cpus":"numa"}""", "cpus", "same, different, any")]
    [InlineData("""{"format":2}""", "format", "format 1")]
    [InlineData("""{"sizes":"64"}""", "sizes", "wrong JSON type")]
    [InlineData("""{"size":[64]}""", "size", "unknown field 'size'")]
    [InlineData("""[1]""", "$", "")]
    public void A_bad_field_is_named_by_its_path(string body, string path, string says)
    {
        var read = MeasurementReader.Read(body);
        Assert.False(read.IsValid);
        var error = Assert.Single(read.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_mechanism_has_a_distinct_name_and_the_defaults_are_among_them()
    {
        Assert.Equal(MeasureMechanisms.All.Count, MeasureMechanisms.All.Select(m => m.Name).Distinct().Count());
        Assert.All(MeasureMechanisms.Default, name => Assert.NotNull(MeasureMechanisms.Named(name)));
        Assert.Equal(MeasurementValidator.MaxMechanisms, MeasureMechanisms.All.Count);
    }
}
