using System.Text.Json.Nodes;
using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Testing;

namespace IpcPlayground.IntegrationTests;

/// <summary>Each lesson of the library, run in a real sandbox, shows what its explanation claims.</summary>
[Collection(ServerCollection.Name)]
public sealed class LessonTests(PlaygroundServer server)
{
    private readonly RunApi _api = new(server.CreateLoopbackClient());

    private async Task<IReadOnlyList<JsonObject>> RunLesson(string id)
    {
        var events = await _api.RunAsync(LessonLibrary.Get(id).ExperimentJson);
        Assert.True(events[^1].Str("status") == "completed", $"lesson {id} did not complete:\n" + string.Join("\n", events));
        Assert.DoesNotContain(events, e => e.Kind() == "error");
        // The order the events come in is the order they happened: tNs never goes back as seq goes on.
        for (var i = 1; i < events.Count; i++)
            Assert.True(events[i].Long("tNs") >= events[i - 1].Long("tNs"), $"lesson {id}: event {events[i]} comes before {events[i - 1]} in time");
        // A blocked event always says where the kernel has the process sleeping.
        Assert.All(events.Where(e => e.Kind() == "blocked"), e => Assert.False(string.IsNullOrEmpty(e.Str("wchan")), $"no wchan: {e}"));
        return events;
    }

    private static List<JsonObject> Calls(IReadOnlyList<JsonObject> events, string process, string op) =>
        events.Where(e => e.Is("syscall", process, op)).ToList();

    [Fact]
    public void The_library_has_at_least_fourteen_valid_bilingual_lessons()
    {
        Assert.True(LessonLibrary.All.Count >= 14);
        foreach (var lesson in LessonLibrary.All)
        {
            var read = IpcPlayground.Contracts.Experiments.ExperimentReader.Read(lesson.ExperimentJson);
            Assert.True(read.IsValid, $"{lesson.Id}: " + string.Join("; ", read.Errors));
            Assert.False(string.IsNullOrWhiteSpace(lesson.Title.Zh));
            Assert.True(lesson.Explanation.Zh.Any(c => c >= '\u4e00' && c <= '\u9fff'), $"{lesson.Id} has no Chinese explanation");
            Assert.True(lesson.Explanation.En.Length > 60, $"{lesson.Id} needs a real explanation");
        }
        Assert.Equal(LessonLibrary.All.Count, LessonLibrary.All.Select(l => l.Id).Distinct().Count());
    }

    [Fact]
    public void Every_lesson_file_opens_with_its_id_order_and_title_which_the_browser_reads_first()
    {
        // The page reads only the head of each lesson file for the gallery; the composer trusts a lesson unchanged
        // (it is validated above), so the page's first render validates nothing.
        var folder = PlaygroundServer.RepositoryPath("shared/IpcPlayground.Contracts/Lessons/Library");
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            var keys = JsonNode.Parse(File.ReadAllText(file))!.AsObject().Select(p => p.Key).Take(3);
            Assert.True(keys.SequenceEqual(["id", "order", "title"]), $"{Path.GetFileName(file)} opens with {string.Join(", ", keys)}");
        }
        Assert.Equal(Directory.GetFiles(folder, "*.json").Length, LessonLibrary.All.Count);
    }

    [Fact]
    public async Task Pipe_byte_stream_merges_two_writes_into_one_read()
    {
        var events = await RunLesson("pipe-byte-stream");
        Assert.Equal("helloworld", Calls(events, "child", "read").Single().Str("data"));
    }

    [Fact]
    public async Task An_empty_pipe_blocks_the_reader_in_the_kernel()
    {
        var events = await RunLesson("pipe-empty-blocks");
        var blocked = events.IndexOf("blocked", "reader", "read");
        Assert.True(blocked < events.IndexOf("syscall", "parent", "write"));
        Assert.Contains("pipe", events[blocked].Str("wchan") ?? "pipe", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_pipe_holds_65536_bytes_and_blocks_the_next_write()
    {
        var events = await RunLesson("pipe-full-blocks");
        var full = events.First(e => e.Is("state", "writer") && e.Str("object") == "p")["state"]!;
        Assert.Equal(65536, full["buffered"]!.GetValue<int>());
        Assert.Equal(65536, full["capacity"]!.GetValue<int>());
        var blocked = events.IndexOf("blocked", "writer", "write");
        var readerRead = events.IndexOf("syscall", "reader", "read");
        var secondWrite = events.Select((e, i) => (e, i)).Last(x => x.e.Is("syscall", "writer", "write")).i;
        Assert.True(blocked < readerRead && readerRead < secondWrite, "the second write completes only after the reader drained the pipe");
    }

    [Fact]
    public async Task Closing_writers_gives_EOF_and_closing_readers_gives_SIGPIPE()
    {
        var events = await RunLesson("pipe-eof-sigpipe");
        var reads = Calls(events, "reader", "read");
        Assert.Equal(["bye", null], reads.Select(r => r.Str("data")));
        Assert.Equal(0, reads[1].Long("result"));
        Assert.Contains(events, e => e.Is("signal", "writer") && e.Str("signal") == "SIGPIPE" && e.Str("disposition") == "default");
        Assert.Equal("SIGPIPE", events.Single(e => e.Is("process-exit", "writer")).Str("signal"));
        Assert.Equal("SIGPIPE", events.Single(e => e.Is("syscall", "parent", "wait") && e.Str("target") == "writer").Str("termSignal"));
    }

    [Fact]
    public async Task A_fifo_open_blocks_until_the_other_end_opens()
    {
        var events = await RunLesson("fifo-unrelated");
        var blockedOpen = events.IndexOf("blocked", "writer", "open");
        var readerOpen = events.IndexOf("syscall", "reader", "open");
        Assert.True(blockedOpen < readerOpen);
        var read = Calls(events, "reader", "read").Single();
        var write = Calls(events, "writer", "write").Single();
        Assert.Equal("found you", read.Str("data"));
        // Two processes report on their own channels, so the read's return may be received before the write's (it
        // woke inside write(2)); their clock is the same: the write began before the read it fed returned.
        Assert.True(write.Long("tNs") - write.Long("durationNs") < read.Long("tNs"), "the write began before the read it fed returned");
    }

    [Fact]
    public async Task A_handler_catches_SIGUSR1_while_SIGUSR2_kills_by_default()
    {
        var events = await RunLesson("signal-handler-vs-default");
        Assert.Contains(events, e => e.Is("signal", "target") && e.Str("signal") == "SIGUSR1" && e.Str("disposition") == "handled");
        Assert.Equal("SIGUSR2", events.Single(e => e.Is("process-exit", "target")).Str("signal"));
        Assert.DoesNotContain(events, e => e.Is("syscall", "target", "sleep"));
    }

    [Fact]
    public async Task A_blocked_signal_is_pending_until_unblocked()
    {
        var events = await RunLesson("blocked-signal-pending");
        var pending = events.IndexOf("signal", "target");
        Assert.Equal("pending", events[pending].Str("disposition"));
        var handled = events.Select((e, i) => (e, i)).Single(x => x.e.Is("signal", "target") && x.e.Str("disposition") == "handled").i;
        var sleepEnds = events.Select((e, i) => (e, i)).Where(x => x.e.Is("syscall", "target", "sleep")).Select(x => x.i).ToList();
        Assert.True(pending < sleepEnds[0] && sleepEnds[0] < handled, "the handler runs only after the long sleep, at unblock");
        Assert.True(events[handled].Long("tNs") - events[pending].Long("tNs") > 200_000_000);
        var snapshot = events.Where(e => e.Is("state", "target") && e["object"] is null).Select(e => e["state"]!)
            .FirstOrDefault(s => s["pending"]!.AsArray().Any(n => n!.GetValue<string>() == "SIGUSR1"));
        Assert.True(snapshot is not null, "a process snapshot shows SIGUSR1 pending while it is blocked");
        Assert.Contains("SIGUSR1", snapshot!["blocked"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task The_parent_gets_SIGCHLD_when_its_child_exits()
    {
        var events = await RunLesson("sigchld");
        var childExit = events.IndexOf("process-exit", "child");
        var sigchld = events.Select((e, i) => (e, i)).Single(x => x.e.Is("signal", "parent") && x.e.Str("signal") == "SIGCHLD").i;
        Assert.True(childExit < sigchld && sigchld < events.IndexOf("syscall", "parent", "wait"));
        Assert.Equal(3, events[events.IndexOf("syscall", "parent", "wait")]["exitCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_System_V_queue_receives_by_type()
    {
        var events = await RunLesson("sysv-queue-selective-receive");
        var receives = Calls(events, "receiver", "receive");
        Assert.Equal(["two", "one", "three"], receives.Select(r => r.Str("data")));
        Assert.Equal([2L, 1L, 3L], receives.Select(r => r.Long("type")));
        Assert.Equal(3, events.First(e => e.Is("state", "receiver") && e.Str("object") == "q")["state"]!["messages"]!.GetValue<long>());
        var full = events.Last(e => e.Kind() == "state" && e.Str("object") == "q" && e["state"]!["queue"] is not null && e["state"]!["messages"]!.GetValue<long>() == 3);
        var queued = full["state"]!["queue"]!.AsArray().Select(m => (m!["type"]!.GetValue<long>(), m["size"]!.GetValue<long>()));
        Assert.Equal([(1L, 3L), (2L, 3L), (3L, 5L)], queued);
    }

    [Fact]
    public async Task A_queue_keeps_its_message_after_the_sender_exits()
    {
        var events = await RunLesson("queue-outlives-sender");
        Assert.True(events.IndexOf("process-exit", "sender") < events.IndexOf("syscall", "receiver", "receive"));
        Assert.Equal("left behind", Calls(events, "receiver", "receive").Single().Str("data"));
        Assert.Equal(0, Calls(events, "receiver", "remove").Single().Long("result"));
    }

    [Fact]
    public async Task A_POSIX_queue_delivers_the_highest_priority_first()
    {
        var events = await RunLesson("posix-queue-priorities");
        var receives = Calls(events, "receiver", "receive");
        Assert.Equal(["high", "mid", "low"], receives.Select(r => r.Str("data")));
        Assert.Equal([10L, 5L, 1L], receives.Select(r => r.Long("priority")));
    }

    [Fact]
    public async Task Unsynchronised_increments_lose_updates_and_a_semaphore_makes_the_count_exact()
    {
        const int perProcess = 20_000_000, locked = 300;
        var lostUpdates = false;
        // Whether two loops overlap depends on the scheduler; three tries make a machine that never loses an update suspicious.
        for (var attempt = 0; attempt < 3 && !lostUpdates; attempt++)
        {
            var events = await RunLesson("shm-race-vs-semaphore");
            var loads = Calls(events, "starter", "load");
            var raced = loads[0]["value"]!.GetValue<int>();
            Assert.InRange(raced, 1, 2 * perProcess);
            Assert.Equal(2 * locked, loads[1]["value"]!.GetValue<int>());
            lostUpdates = raced < 2 * perProcess;
        }
        Assert.True(lostUpdates, "two processes incrementing without synchronisation never lost an update in three runs");
    }

    [Fact]
    public async Task A_semaphore_of_two_never_admits_a_third()
    {
        var events = await RunLesson("semaphore-admits-two");
        int inside = 0, most = 0;
        foreach (var e in events.Where(e => e.Kind() == "syscall"))
        {
            if (e.Str("op") == "semWait") most = Math.Max(most, ++inside);
            if (e.Str("op") == "semPost") inside--;
        }
        Assert.Equal(2, most);
        Assert.Equal(2, events.Count(e => e.Kind() == "blocked" && e.Str("op") == "semWait"));
    }

    [Fact]
    public async Task Ftok_gives_the_same_queue_and_IPC_PRIVATE_a_new_one()
    {
        var events = await RunLesson("ftok-vs-private");
        long Id(string process, string obj) => events.Single(e => e.Is("syscall", process, "open") && e.Str("object") == obj).Long("result");
        Assert.Equal(Id("alice", "shared"), Id("bob", "shared"));
        Assert.NotEqual(Id("alice", "mine"), Id("bob", "mine"));
    }

    [Fact]
    public async Task A_Unix_socket_carries_bytes_between_unrelated_processes()
    {
        var events = await RunLesson("unix-socket-unrelated");
        Assert.Equal("hello server", Calls(events, "server", "read").Single().Str("data"));
        Assert.Equal("welcome", Calls(events, "client", "read").Single().Str("data"));
    }

    [Fact]
    public async Task TCP_works_on_the_sandbox_loopback()
    {
        var events = await RunLesson("tcp-loopback");
        Assert.Equal("over tcp", Calls(events, "server", "read").Single().Str("data"));
    }

    [Fact]
    public async Task A_seqpacket_socket_keeps_each_message_where_a_stream_merges_them()
    {
        var events = await RunLesson("seqpacket-keeps-boundaries");
        Assert.Equal("helloworld", Calls(events, "server", "read").Single().Str("data"));
        var receives = Calls(events, "server", "receive");
        Assert.Equal(["hello", "wor", ""], receives.Select(r => r.Str("data")));
        Assert.Equal([5L, 3L, 0L], receives.Select(r => r.Long("result")));
    }

    [Fact]
    public async Task A_semaphore_set_starts_each_member_at_its_own_value_and_bounds_the_producer()
    {
        var events = await RunLesson("semaphore-set-bounded-buffer");
        var values = events.Where(e => e.Is("state") && e.Str("object") == "slots")
            .Select(e => e["state"]!["values"]!.AsArray().Select(v => v!.GetValue<long>()).ToArray()).ToList();
        Assert.Equal([2L, 0L], values[0]);
        Assert.Equal([2L, 0L], values[^1]);
        Assert.Equal(["one", "two", "three"], Calls(events, "consumer", "receive").Select(r => r.Str("data")));
        // The third item waits for a place: the producer's third wait on empty returns after the consumer's first post of it.
        var thirdWait = Calls(events, "producer", "semWait")[2];
        var firstFreed = Calls(events, "consumer", "semPost")[0];
        Assert.True(thirdWait.Long("tNs") >= firstFreed.Long("tNs"), $"{thirdWait} returned before {firstFreed}");
    }

    [Fact]
    public async Task IPC_EXCL_finds_the_queue_and_a_removed_queue_is_gone_until_made_again()
    {
        var events = await RunLesson("exclusive-and-removed-queue");
        Assert.Equal("EEXIST", Calls(events, "teacher", "open").Single().Str("errno"));
        var opens = Calls(events, "student", "open");
        Assert.Equal(["ENOENT", null, "EEXIST"], opens.Select(o => o.Str("errno")));
        var madeAgain = opens[1].Long("result");
        Assert.True(madeAgain >= 0, $"the exclusive open of a removed key made no queue: {opens[1]}");
        // The message sent before the removal went with the old queue: the new one is empty.
        Assert.Equal("ENOMSG", Calls(events, "student", "receive").Single().Str("errno"));
        var stats = events.Where(e => e.Is("state") && e.Str("object") == "queue" && e["state"]?["messages"] is not null).ToList();
        Assert.Contains(stats, s => s["state"]!["messages"]!.GetValue<long>() == 1);
        Assert.Equal(0, stats[^1]["state"]!["messages"]!.GetValue<long>());
        Assert.Equal(0, Calls(events, "student", "remove").Single().Long("result"));
    }

    [Fact]
    public async Task Standard_signals_merge_while_real_time_signals_queue_with_their_values()
    {
        var events = await RunLesson("realtime-signals-queue");
        var signals = events.Where(e => e.Is("signal") && e.Str("process") == "receiver").ToList();
        Assert.Equal(["pending", "merged"], signals.Where(s => s.Str("signal") == "SIGUSR1" && s.Str("disposition") != "handled").Select(s => s.Str("disposition")));
        var handled = signals.Where(s => s.Str("disposition") == "handled").ToList();
        Assert.Equal(["SIGRTMIN+1", "SIGRTMIN+1", "SIGRTMIN+1", "SIGUSR1"], handled.Select(s => s.Str("signal")));
        Assert.Equal(["SI_QUEUE", "SI_QUEUE", "SI_USER", "SI_QUEUE"], handled.Select(s => s.Str("code")));
        Assert.Equal(new long?[] { 10, 20, null, 1 }, handled.Select(s => s["value"]?.GetValue<long>()));
        Assert.All(handled, s => Assert.Equal("sender", s.Str("sender")));
    }

    [Fact]
    public async Task A_handler_without_SA_RESTART_makes_a_sleeping_read_fail_with_EINTR_and_with_it_the_read_goes_on()
    {
        var events = await RunLesson("sa-restart-vs-eintr");
        var reads = Calls(events, "reader", "read");
        Assert.Equal("EINTR", reads[0].Str("errno"));
        Assert.Equal((9L, "after all"), (reads[1].Long("result"), reads[1].Str("data")));
        var handled = events.Where(e => e.Is("signal") && e.Str("disposition") == "handled").Select(e => e.Str("signal")).ToList();
        Assert.Equal(["SIGUSR1", "SIGUSR2"], handled);
    }

    [Fact]
    public async Task The_kernel_answers_a_fault_with_its_signal_and_a_handler_sees_it_came_from_no_process()
    {
        var events = await RunLesson("kernel-sends-sigsegv");
        string? Death(string process) => events.Single(e => e.Is("process-exit", process)).Str("signal");
        Assert.Equal(("SIGSEGV", "SIGFPE", "SIGSEGV"), (Death("null-store"), Death("divider"), Death("catcher")));
        Assert.True(events.Single(e => e.Is("process-exit", "null-store"))["core"]!.GetValue<bool>());
        var caught = events.Single(e => e.Is("signal", "catcher") && e.Str("disposition") == "handled");
        Assert.Equal(("SIGSEGV", "SEGV_MAPERR", null), (caught.Str("signal"), caught.Str("code"), caught.Str("sender")));
        Assert.Equal(["SIGSEGV", "SIGFPE", "SIGSEGV"], Calls(events, "parent", "wait").Select(w => w.Str("termSignal")));
    }

    [Fact]
    public async Task A_FIFO_is_a_file_that_outlives_its_processes_until_it_is_unlinked()
    {
        var events = await RunLesson("fifo-is-a-file");
        var stats = Calls(events, "writer", "stat");
        Assert.All(stats, s => Assert.Equal("/sandbox/f", s.Str("path")));
        Assert.Equal(["fifo", "fifo", "fifo", "missing"], stats.Select(s => s["file"]!["type"]!.GetValue<string>()));
        Assert.All(stats.Take(3), s => Assert.Equal((0L, 1L, 0L), (s.Long("result"), s["file"]!["nlink"]!.GetValue<long>(), s["file"]!["size"]!.GetValue<long>())));
        Assert.Matches("^0[0-7]{3}$", stats[0]["file"]!["mode"]!.GetValue<string>());
        Assert.Equal("ENOENT", stats[3].Str("errno"));
        Assert.Equal("through the file", Calls(events, "reader", "read")[0].Str("data"));
    }

    [Fact]
    public async Task An_eventfd_merges_counts_into_one_read_and_in_semaphore_mode_gives_one_at_a_time()
    {
        var events = await RunLesson("eventfd-counter-and-semaphore");
        var reads = Calls(events, "parent", "read");
        Assert.Equal(["done", "slots", "slots", "slots"], reads.Select(r => r.Str("object")));
        Assert.Equal([3L, 1L, 1L, 1L], reads.Select(r => r.Long("value")));
        Assert.All(reads, r => Assert.Equal(8, r.Long("result")));
        var counters = events.Where(e => e.Is("state", "parent") && e.Str("object") == "done" && e["state"]!["counter"] is not null)
            .Select(e => e["state"]!["counter"]!.GetValue<long>()).ToList();
        Assert.Equal(3, counters[0]);
        Assert.Equal(0, counters[^1]);
        // The third read of the semaphore took the poster's 1: it returned after the poster's write.
        Assert.True(reads[3].Long("tNs") >= Calls(events, "poster", "write").Single().Long("tNs"));
    }

    [Fact]
    public async Task The_descriptor_tables_show_the_parent_still_holding_the_write_end_until_its_close_brings_EOF()
    {
        var events = await RunLesson("who-holds-which-end");
        var close = Calls(events, "parent", "close").Single();
        List<(long Fd, string? Object, string? End)> Table(JsonObject state) =>
            [.. state["state"]!["fds"]!.AsArray().Select(f => (f!["fd"]!.GetValue<long>(), f["object"]?.GetValue<string>(), f["end"]?.GetValue<string>()))];
        var before = events.Where(e => e.Is("state") && e["state"]?["type"]?.GetValue<string>() == "process" && e.Long("seq") < close.Long("seq")).ToList();
        var child = Table(before.Last(e => e.Str("process") == "child"));
        var parent = Table(before.Last(e => e.Str("process") == "parent"));
        Assert.Equal([("p", "read")], child.Select(d => (d.Object, d.End)));
        Assert.Equal([("p", "read"), ("p", "write")], parent.Select(d => (d.Object, d.End)));
        var reads = Calls(events, "child", "read");
        Assert.Equal(("all of it", 0L), (reads[0].Str("data"), reads[1].Long("result")));
        Assert.True(reads[1].Long("tNs") >= close.Long("tNs"), "the child saw end-of-file before the parent closed its write end");
    }

    [Fact]
    public async Task A_private_queue_reaches_the_child_that_inherits_its_id_and_nobody_else()
    {
        var events = await RunLesson("private-queue-parent-to-child");
        var made = Calls(events, "parent", "open").Single().Long("result");
        Assert.Equal("for my child", Calls(events, "child", "receive").Single().Str("data"));
        var childState = events.Last(e => e.Is("state", "child") && e.Str("object") == "inbox");
        Assert.Equal((made, "IPC_PRIVATE"), (childState["state"]!["id"]!.GetValue<long>(), childState["state"]!["key"]!.GetValue<string>()));
        var early = Calls(events, "early", "open").Single().Long("result");
        Assert.True(early >= 0 && early != made, $"the early child's open gave {early}, the parent's {made}");
        Assert.Equal("ENOMSG", Calls(events, "early", "receive").Single().Str("errno"));
    }

    [Fact]
    public async Task Poll_over_two_FIFOs_says_which_is_ready_and_when_a_writer_hung_up()
    {
        var events = await RunLesson("poll-two-fifos");
        string Ready(JsonObject poll) => string.Join(" ", poll["ready"]!.AsArray().Select(r => $"{r!["object"]}:{string.Join('+', r["events"]!.AsArray().Select(e => e!.GetValue<string>()))}"));
        var polls = Calls(events, "server", "poll");
        Assert.Equal([0L, 1L, 1L, 1L, 2L], polls.Select(p => p.Long("result")));
        Assert.Equal(["", "left:in", "left:hup", "right:in", "left:hup right:hup"], polls.Select(Ready));
        Assert.Equal(["from the left", "from the right"], Calls(events, "server", "read").Select(r => r.Str("data")));
    }

    [Fact]
    public async Task A_descriptor_passed_over_a_Unix_socket_lets_an_unrelated_process_read_the_pipe()
    {
        var events = await RunLesson("pass-a-descriptor");
        var reads = Calls(events, "visitor", "read");
        Assert.Equal("EBADF", reads[0].Str("errno"));
        Assert.Equal(1L, Calls(events, "keeper", "sendFd").Single().Long("result"));
        var received = Calls(events, "visitor", "receiveFd").Single();
        Assert.Equal((1L, "F"), (received.Long("result"), received.Str("data")));
        var fd = received.Long("fd");
        Assert.Equal(("behind the door", 0L), (reads[1].Str("data"), reads[2].Long("result")));
        // While its last read sleeps, the visitor's table holds the pipe's read end under the number recvmsg gave it.
        var table = events.Last(e => e.Is("state", "visitor") && e["state"]?["type"]?.GetValue<string>() == "process")["state"]!["fds"]!.AsArray();
        Assert.Contains(table, d => d!["fd"]!.GetValue<long>() == fd && d["object"]?.GetValue<string>() == "secret" && d["end"]?.GetValue<string>() == "read");
        Assert.True(reads[2].Long("tNs") >= Calls(events, "keeper", "close").Single().Long("tNs"), "the visitor saw end-of-file before the keeper closed its write end");
    }

    [Fact]
    public async Task The_counter_execs_wc_on_the_pipes_read_end_and_its_count_arrives_as_output()
    {
        var events = await RunLesson("pipeline-wc");
        var exec = Calls(events, "counter", "exec").Single();
        Assert.Equal((0L, "/usr/bin/wc"), (exec.Long("result"), exec.Str("path")));
        var output = string.Concat(events.Where(e => e.Is("output", "counter") && e.Str("stream") == "stdout").Select(e => e.Str("data")));
        Assert.Equal("14\n", output);
        Assert.Equal(0, events.Single(e => e.Is("process-exit", "counter")).Long("exitCode"));
        Assert.True(exec.Long("seq") < events.First(e => e.Is("output", "counter")).Long("seq"), "the output came before the exec");
    }

    [Fact]
    public async Task Shared_memory_with_a_semaphore_pair_costs_a_post_and_a_wait_on_each_side_for_every_message()
    {
        var events = await RunLesson("is-shared-memory-fastest");
        Assert.Equal([4096L, 4096L, 4096L], Calls(events, "reader", "read").Select(r => r.Long("result")));
        foreach (var process in (string[])["writer", "reader"])
        {
            Assert.Equal(3, Calls(events, process, "semPost").Count);
            Assert.Equal(3, Calls(events, process, "semWait").Count);
        }
        Assert.Equal(3, Calls(events, "reader", "load").Count);
        // Each message is taken (the reader's post of empty) before the writer stores the next one over it.
        var stores = Calls(events, "writer", "store");
        var taken = Calls(events, "reader", "semPost");
        for (var i = 0; i + 1 < stores.Count; i++)
            Assert.True(taken[i].Long("seq") < stores[i + 1].Long("seq"), $"message {i + 1} was overwritten before it was taken");
        Assert.Equal("completed", events[^1].Str("status"));
        Assert.Equal("/measure?mechanisms=pipe,shm-sem,shm-ring&sizes=64,4096,65536", LessonLibrary.All.Single(l => l.Id == "is-shared-memory-fastest").Measurement);
    }

    [Fact]
    public async Task A_receiver_waiting_for_type_1_sleeps_through_a_type_2_message_and_wakes_for_type_1()
    {
        var events = await RunLesson("predict-which-message-wakes");
        var receives = Calls(events, "receiver", "receive");
        Assert.Equal([("one", (string?)null), ("two", null), (null, "ENOMSG")], receives.Select(r => (r.Str("data"), r.Str("errno"))));
        var sends = Calls(events, "sender", "send");
        Assert.Null(sends[0]["woke"]);
        Assert.True(receives[0].Long("seq") > sends[1].Long("seq") || receives[0].Long("tNs") >= sends[1].Long("tNs"), "the receiver returned before the type-1 message was sent");
        Assert.Contains(events, e => e.Is("blocked", "receiver", "receive"));
    }
}
