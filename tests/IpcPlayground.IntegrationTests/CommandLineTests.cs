using System.Diagnostics;
using System.Text.Json.Nodes;
using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary><c>ipcplay</c> as a workshop author or a script uses it: against a server, locally, and with a bad file.</summary>
[Collection(ServerCollection.Name)]
public sealed class CommandLineTests(PlaygroundServer server)
{
    private static async Task<(int Exit, string Out, string Error)> Ipcplay(string? stdin, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ipcplay.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment.Remove("IPCPLAY_SERVER");
        using var process = Process.Start(start)!;
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().DefaultTimeout();
        return (process.ExitCode, await output, await error);
    }

    private static List<JsonObject> Ndjson(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();

    [Fact]
    public async Task Run_against_a_server_prints_the_runs_events_as_NDJSON_and_exits_0()
    {
        var (exit, output, error) = await Ipcplay(LessonLibrary.Get("pipe-byte-stream").ExperimentJson,
            "run", "-", "--server", server.BaseAddress.ToString(), "--format", "ndjson");

        var events = Ndjson(output);
        Assert.True(exit == 0, error);
        Assert.Equal("run-start", events[0].Kind());
        Assert.Equal("helloworld", events.Single("syscall", "child", "read").Str("data"));
        Assert.Equal("completed", events[^1].Str("status"));
        Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => (int)e.Long("seq")));
    }

    [Fact]
    public async Task Run_locally_in_a_sandbox_of_its_own_prints_a_table_and_says_how_the_run_ended()
    {
        var (completed, table, error) = await Ipcplay(LessonLibrary.Get("pipe-byte-stream").ExperimentJson, "run", "-", "--local", "--format", "table");
        var (timedOut, _, _) = await Ipcplay("""
            { "format": 1, "limits": { "timeoutMs": 300 }, "processes": [ { "id": "slow", "steps": [ { "op": "sleep", "ms": 5000 } ] } ] }
            """, "run", "-", "--local", "--format", "ndjson");

        Assert.True(completed == 0, error);
        Assert.Contains("read p", table, StringComparison.Ordinal);
        Assert.Contains("= 10, \"helloworld\"", table, StringComparison.Ordinal);
        Assert.Contains("run-end", table, StringComparison.Ordinal);
        Assert.Equal(1, timedOut);
    }

    [Fact]
    public async Task Predict_reads_each_answer_by_number_or_name_and_prints_the_kernels_verdict_and_the_score()
    {
        using var folder = new TemporaryDirectory();
        var file = Path.Combine(folder.Path, "empty-pipe.json");
        await File.WriteAllTextAsync(file, LessonLibrary.Get("pipe-empty-blocks").ExperimentJson);
        // The reader's read: 3 (blocks); the parent's write: 1 (returns), then whom it wakes by name; its wait: 2 (blocks, wrong).
        var (exit, output, error) = await Ipcplay("3\n1\nwakes:reader\n2\n", "predict", file, "--server", server.BaseAddress.ToString());

        Assert.True(exit == 0, error + output);
        Assert.Contains("reader: What will read(2) on p do?", output, StringComparison.Ordinal);
        Assert.Contains("3. blocks: sleeps in the kernel (blocks)", output, StringComparison.Ordinal);
        Assert.Contains("right: blocks — p held 0 bytes and a writer (parent) still held its write end, so read(2) slept", output, StringComparison.Ordinal);
        Assert.Contains("right: wakes:reader", output, StringComparison.Ordinal);
        Assert.Contains("wrong: returns", output, StringComparison.Ordinal);
        Assert.Contains("score: 3 of 4 right (4 answered)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_is_named_by_path_with_exit_2_and_nothing_runs()
    {
        var (exit, output, error) = await Ipcplay("""{ "format": 1, "processes": [ { "id": "a", "steps": [ { "op": "read", "object": "nope", "bytes": 1 } ] } ] }""",
            "validate", "-");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("processes[0].steps[0].object: unknown object 'nope'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_prints_a_link_that_opens_the_same_experiment()
    {
        var json = LessonLibrary.Get("sysv-queue-selective-receive").ExperimentJson;
        var (exit, output, error) = await Ipcplay(json, "share", "-", "--server", server.BaseAddress.ToString());

        Assert.True(exit == 0, error);
        var link = new Uri(output.Trim());
        Assert.StartsWith("/e/", link.AbsolutePath, StringComparison.Ordinal);
        using var http = server.CreateLoopbackClient();
        Assert.Equal(json, await http.GetStringAsync($"/api/experiments/{link.AbsolutePath[3..]}").DefaultTimeout());
    }
}
