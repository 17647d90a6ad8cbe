using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Contracts.Lessons;

namespace IpcPlayground.UnitTests;

/// <summary>A step's fields must apply to the type of the object it names, and what it touches must exist in that object.</summary>
public sealed class StepObjectRulesTests
{
    private const string Objects = """
        [ { "id": "q", "type": "sysv-msgq" }, { "id": "mq", "type": "posix-mq" }, { "id": "dg", "type": "unix-dgram" },
          { "id": "p", "type": "pipe" }, { "id": "f", "type": "fifo" }, { "id": "sp", "type": "socketpair" },
          { "id": "us", "type": "unix-stream" }, { "id": "t", "type": "tcp" },
          { "id": "set", "type": "sysv-sem", "count": 2 }, { "id": "one", "type": "sysv-sem" }, { "id": "ps", "type": "posix-sem" },
          { "id": "m", "type": "posix-shm" }, { "id": "seg", "type": "sysv-shm", "size": 100 } ]
        """;

    /// <summary>The errors of a one-process experiment whose only step is <paramref name="step"/>, over every kind of object.</summary>
    private static IReadOnlyList<ValidationError> ErrorsOf(string step) =>
        ExperimentReader.Read($$"""{ "format": 1, "objects": {{Objects}}, "processes": [ { "id": "a", "steps": [ {{step}} ] } ] }""").Errors;

    private static string Describe(IEnumerable<ValidationError> errors) => string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}"));

    [Theory]
    // send: type only on a System V queue, priority only on a POSIX queue
    [InlineData("""{ "op": "send", "object": "q", "data": "x", "priority": 1 }""", "priority", "priority applies to a posix-mq; 'q' is a sysv-msgq")]
    [InlineData("""{ "op": "send", "object": "dg", "data": "x", "priority": 1 }""", "priority", "priority applies to a posix-mq; 'dg' is a unix-dgram")]
    [InlineData("""{ "op": "send", "object": "mq", "data": "x", "type": 2 }""", "type", "type applies to a sysv-msgq; 'mq' is a posix-mq")]
    [InlineData("""{ "op": "send", "object": "dg", "data": "x", "type": 2 }""", "type", "type applies to a sysv-msgq; 'dg' is a unix-dgram")]
    // receive: type only on a System V queue
    [InlineData("""{ "op": "receive", "object": "mq", "type": 2 }""", "type", "type applies to a sysv-msgq; 'mq' is a posix-mq")]
    [InlineData("""{ "op": "receive", "object": "dg", "type": 0 }""", "type", "type applies to a sysv-msgq; 'dg' is a unix-dgram")]
    // write, read, close: end only on two-ended objects, with their own values
    [InlineData("""{ "op": "write", "object": "us", "data": "x", "end": "write" }""", "end", "end applies to a pipe, fifo or socketpair; 'us' is a unix-stream")]
    [InlineData("""{ "op": "read", "object": "t", "bytes": 1, "end": "read" }""", "end", "end applies to a pipe, fifo or socketpair; 't' is a tcp")]
    [InlineData("""{ "op": "close", "object": "t", "end": "write" }""", "end", "end applies to a pipe, fifo or socketpair; 't' is a tcp")]
    [InlineData("""{ "op": "close", "object": "q", "end": "read" }""", "end", "end applies to a pipe, fifo or socketpair; 'q' is a sysv-msgq")]
    [InlineData("""{ "op": "close", "object": "m", "end": "read" }""", "end", "end applies to a pipe, fifo or socketpair; 'm' is a posix-shm")]
    [InlineData("""{ "op": "write", "object": "sp", "data": "x", "end": "write" }""", "end", "a socketpair's ends are first and second")]
    [InlineData("""{ "op": "read", "object": "f", "bytes": 1, "end": "first" }""", "end", "a fifo's ends are read and write")]
    [InlineData("""{ "op": "close", "object": "p", "end": "second" }""", "end", "a pipe's ends are read and write")]
    // semWait, semPost: index and undo only on a System V set, and index inside it
    [InlineData("""{ "op": "semWait", "object": "ps", "index": 0 }""", "index", "index applies to a sysv-sem; 'ps' is a posix-sem")]
    [InlineData("""{ "op": "semPost", "object": "ps", "undo": true }""", "undo", "undo applies to a sysv-sem; 'ps' is a posix-sem")]
    [InlineData("""{ "op": "semWait", "object": "set", "index": 2 }""", "index", "index 2 is not a member of 'set', a sysv-sem of 2 (indices 0 to 1)")]
    [InlineData("""{ "op": "semPost", "object": "one", "index": 1 }""", "index", "index 1 is not a member of 'one', a sysv-sem of 1 (indices 0 to 0); count defaults to 1")]
    // store, load, increment: the bytes touched lie inside the segment (4096 bytes unless it says)
    [InlineData("""{ "op": "load", "object": "m", "offset": 4093, "length": 4 }""", "offset", "load of 4 bytes at offset 4093 runs past the end of 'm', a posix-shm of 4096 bytes (the default size)")]
    [InlineData("""{ "op": "increment", "object": "seg", "offset": 97, "times": 1 }""", "offset", "increment of 4 bytes at offset 97 runs past the end of 'seg', a sysv-shm of 100 bytes")]
    [InlineData("""{ "op": "store", "object": "seg", "offset": 97, "int32": 1 }""", "offset", "store of 4 bytes at offset 97 runs past the end of 'seg'")]
    [InlineData("""{ "op": "store", "object": "seg", "offset": 95, "data": "ééé" }""", "offset", "store of 6 bytes at offset 95 runs past the end of 'seg'")]
    [InlineData("""{ "op": "store", "object": "seg", "offset": 50, "size": 51 }""", "offset", "store of 51 bytes at offset 50 runs past the end of 'seg'")]
    public void A_field_that_does_not_fit_the_object_is_named_by_its_path(string step, string field, string message)
    {
        var errors = ErrorsOf(step);
        var error = Assert.Single(errors);
        Assert.Equal($"processes[0].steps[0].{field}", error.Path);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "op": "send", "object": "q", "data": "x", "type": 2, "nowait": true }""")]
    [InlineData("""{ "op": "send", "object": "mq", "data": "x", "priority": 3, "nowait": true }""")]
    [InlineData("""{ "op": "send", "object": "dg", "data": "x", "nowait": false }""")]
    [InlineData("""{ "op": "receive", "object": "q", "type": -3, "maxBytes": 10, "nowait": true }""")]
    [InlineData("""{ "op": "receive", "object": "mq", "maxBytes": 10, "nowait": true }""")]
    [InlineData("""{ "op": "receive", "object": "dg", "maxBytes": 10, "nowait": true }""")]
    [InlineData("""{ "op": "write", "object": "p", "data": "x", "end": "write" }""")]
    [InlineData("""{ "op": "read", "object": "f", "bytes": 1, "end": "read" }""")]
    [InlineData("""{ "op": "write", "object": "sp", "size": 10, "end": "first" }""")]
    [InlineData("""{ "op": "write", "object": "us", "data": "x" }""")]
    [InlineData("""{ "op": "read", "object": "t", "bytes": 1 }""")]
    [InlineData("""{ "op": "close", "object": "p", "end": "read" }""")]
    [InlineData("""{ "op": "close", "object": "f", "end": "write" }""")]
    [InlineData("""{ "op": "close", "object": "sp", "end": "second" }""")]
    [InlineData("""{ "op": "close", "object": "us" }""")]
    [InlineData("""{ "op": "close", "object": "q" }""")]
    [InlineData("""{ "op": "semWait", "object": "set", "index": 1, "count": 2, "undo": true }""")]
    [InlineData("""{ "op": "semPost", "object": "one", "index": 0 }""")]
    [InlineData("""{ "op": "semPost", "object": "ps", "count": 2 }""")]
    [InlineData("""{ "op": "load", "object": "m", "offset": 4092, "length": 4 }""")]
    [InlineData("""{ "op": "increment", "object": "m", "offset": 4092, "times": 1 }""")]
    [InlineData("""{ "op": "store", "object": "seg", "offset": 96, "int32": 1 }""")]
    [InlineData("""{ "op": "store", "object": "seg", "offset": 94, "data": "ééé" }""")]
    [InlineData("""{ "op": "store", "object": "seg", "offset": 0, "size": 100 }""")]
    public void A_field_that_fits_the_object_is_accepted(string step)
    {
        var errors = ErrorsOf(step);
        Assert.True(errors.Count == 0, Describe(errors));
    }

    [Fact]
    public void A_segment_whose_own_size_is_wrong_does_not_also_fail_every_step_that_uses_it()
    {
        var errors = ExperimentReader.Read("""
            { "format": 1, "objects": [ { "id": "m", "type": "posix-shm", "size": 0 } ],
              "processes": [ { "id": "a", "steps": [ { "op": "store", "object": "m", "offset": 8, "int32": 1 } ] } ] }
            """).Errors;
        Assert.Equal(["objects[0].size"], errors.Select(e => e.Path));
    }

    [Fact]
    public void The_catalogue_narrows_only_optional_fields_to_types_the_op_applies_to()
    {
        foreach (var spec in OpCatalog.Specs.Values)
            foreach (var (field, types) in spec.FieldObjectTypes ?? new Dictionary<string, IReadOnlyList<string>>())
            {
                Assert.True(spec.Optional.Contains(field), $"{spec.Op}.{field} is narrowed but not optional");
                Assert.NotNull(spec.ObjectTypes);
                Assert.All(types, t => Assert.Contains(t, spec.ObjectTypes!));
            }
    }

    [Fact]
    public void Every_lesson_is_valid()
    {
        foreach (var lesson in LessonLibrary.All)
        {
            var result = ExperimentReader.Read(lesson.ExperimentJson);
            Assert.True(result.IsValid, lesson.Id + ": " + Describe(result.Errors));
        }
    }

    [Fact]
    public void Every_sample_experiment_is_valid()
    {
        var samples = Directory.GetFiles(RepoPath("tests/IpcPlayground.Testing/Experiments"), "*.json");
        Assert.NotEmpty(samples);
        foreach (var sample in samples)
        {
            var result = ExperimentReader.Read(File.ReadAllText(sample));
            Assert.True(result.IsValid, Path.GetFileName(sample) + ": " + Describe(result.Errors));
        }
    }

    private static string RepoPath(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IpcPlayground.sln")))
                return Path.Combine(dir.FullName, relative);
        throw new FileNotFoundException("repository root not found above " + AppContext.BaseDirectory);
    }
}
