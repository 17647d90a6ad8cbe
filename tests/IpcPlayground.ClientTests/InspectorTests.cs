using Bunit;
using IpcPlayground.Client.Components.Inspector;

namespace IpcPlayground.ClientTests;

/// <summary>The inspector renders each snapshot shape the run sends, always from the latest snapshot.</summary>
public sealed class InspectorTests : BunitContext
{
    private IRenderedComponent<ObjectInspector> Inspect(Events events) =>
        Render<ObjectInspector>(p => p.Add(c => c.Events, events.List));

    [Fact]
    public void A_full_pipe_shows_its_fill_against_capacity()
    {
        var cut = Inspect(new Events()
            .State(1, "writer", "p", """{"type":"pipe","buffered":4096,"capacity":65536}""")
            .State(2, "writer", "p", """{"type":"pipe","buffered":65536,"capacity":65536}"""));

        Assert.Equal("65536/65536", cut.Find("[data-testid=inspector-object][data-object=p] [data-testid=buffer-text]").TextContent);
        Assert.Equal("65536", cut.Find("[data-testid=buffer-gauge] meter").GetAttribute("value"));
    }

    [Fact]
    public void A_socket_shows_its_unread_bytes_without_a_capacity()
    {
        var cut = Inspect(new Events().State(1, "a", "s", """{"type":"unix-stream","buffered":5}"""));
        Assert.Equal("5", cut.Find("[data-testid=buffer-text]").TextContent);
    }

    [Fact]
    public void A_datagram_socket_shows_its_unread_bytes_as_a_stream_does()
    {
        var cut = Inspect(new Events().State(1, "r", "d", """{"type":"unix-dgram","buffered":12}"""));
        Assert.Equal("12", cut.Find("[data-testid=inspector-object][data-object=d] [data-testid=buffer-text]").TextContent);
        Assert.Empty(cut.FindAll("code.hex"));
    }

    [Fact]
    public void A_System_V_queue_lists_its_messages_with_types_and_sizes()
    {
        var cut = Inspect(new Events().State(1, "sender", "q",
            """{"type":"sysv-msgq","id":3,"messages":3,"bytes":11,"maxBytes":16384,"queue":[{"type":1,"size":3},{"type":2,"size":3},{"type":3,"size":5}]}"""));

        Assert.Equal("3", cut.Find("[data-testid=queue-count]").GetAttribute("data-count"));
        Assert.Equal([("1", "3"), ("2", "3"), ("3", "5")],
            cut.FindAll("[data-testid=queue-message]").Select(m => (m.GetAttribute("data-type"), m.GetAttribute("data-size"))));
        Assert.Contains("type 2", cut.FindAll("[data-testid=queue-message]")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_POSIX_queue_shows_its_count_against_its_maximum()
    {
        var cut = Inspect(new Events().State(1, "r", "mq", """{"type":"posix-mq","messages":2,"maxMessages":10,"messageSize":1024}"""));
        Assert.StartsWith("2/10", cut.Find("[data-testid=queue-count]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Semaphores_show_values_and_waiters()
    {
        var cut = Inspect(new Events()
            .State(1, "a", "set", """{"type":"sysv-sem","id":1,"values":[0,2],"waiting":[1,0],"waitingForZero":[0,0]}""")
            .State(1, "a", "ps", """{"type":"posix-sem","value":2}"""));

        var set = cut.Find("[data-testid=inspector-object][data-object=set]");
        Assert.Equal(["0", "2"], set.QuerySelectorAll("[data-testid=sem-value]").Select(v => v.TextContent));
        Assert.Equal("1", set.QuerySelector("[data-testid=sem-waiting][data-index='0']")!.TextContent);
        Assert.Equal("2", cut.Find("[data-testid=inspector-object][data-object=ps] [data-testid=sem-value]").TextContent);
    }

    [Fact]
    public void Shared_memory_shows_a_preview_of_its_bytes_and_the_counter_at_offset_0()
    {
        var cut = Inspect(new Events().State(1, "a", "shm", """{"type":"sysv-shm","id":2,"size":4096,"attached":2,"previewHex":"2C0100006869"}"""));
        Assert.Equal("300", cut.Find("[data-testid=shm-int32]").TextContent);
        Assert.StartsWith("2c 01 00 00 68 69", cut.Find("[data-testid=shm-preview]").TextContent, StringComparison.Ordinal);
        Assert.Contains("2", cut.Find("[data-testid=shm-attached]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_process_shows_where_it_sleeps_and_its_pending_and_blocked_signals()
    {
        var cut = Inspect(new Events()
            .State(1, "reader", null, """{"type":"process","state":"sleeping","blockedIn":"read","wchan":"anon_pipe_read","pending":["SIGUSR1"],"blocked":["SIGUSR1"],"ignored":[],"handled":["SIGUSR2"]}"""));

        var card = cut.Find("[data-testid=inspector-process][data-process=reader]");
        Assert.Equal("sleeping", card.GetAttribute("data-state"));
        Assert.Contains("anon_pipe_read", card.QuerySelector("[data-testid=proc-wchan]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("read", card.QuerySelector("[data-testid=proc-blocked-in]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["pending", "blocked", "handled"], card.QuerySelectorAll("[data-testid=proc-signals]").Select(s => s.GetAttribute("data-kind")));
        Assert.Contains("SIGUSR1", card.QuerySelector("[data-testid=proc-signals][data-kind=pending]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_object_and_an_exited_process_say_so()
    {
        var cut = Inspect(new Events()
            .State(1, "a", "q", """{"type":"sysv-msgq","removed":true}""")
            .State(1, "a", null, """{"type":"process","state":"running"}""")
            .Exit(2, "a", 3));
        Assert.NotNull(cut.Find("[data-testid=inspector-object][data-object=q] [data-testid=object-removed]"));
        Assert.Equal("exited", cut.Find("[data-testid=inspector-process][data-process=a]").GetAttribute("data-state"));
        Assert.Contains("code 3", cut.Find("[data-testid=proc-exit]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Picking_an_earlier_event_shows_the_snapshot_just_after_it()
    {
        var events = new Events()
            .Call(1, "writer", "write", "p")
            .State(1.1, "writer", "p", """{"type":"pipe","buffered":65536,"capacity":65536}""")
            .Call(300, "reader", "read", "p")
            .State(300.1, "reader", "p", """{"type":"pipe","buffered":61440,"capacity":65536}""");
        long? asked = -1;
        var cut = Render<ObjectInspector>(p => p.Add(c => c.Events, events.List).Add(c => c.OnAtSeqChanged, at => asked = at));
        Assert.Equal("61440/65536", cut.Find("[data-testid=buffer-text]").TextContent);

        cut.Render(p => p.Add(c => c.AtSeq, 1L));
        Assert.Equal("65536/65536", cut.Find("[data-testid=buffer-text]").TextContent);
        Assert.Equal("false", cut.Find("[data-testid=inspector-live]").GetAttribute("aria-pressed"));

        cut.Find("[data-testid=inspector-live]").Click();
        Assert.Null(asked);
    }

    [Fact]
    public void A_process_card_lists_the_descriptors_it_holds_and_an_eventfd_card_its_counter()
    {
        var cut = Inspect(new Events()
            .State(1, "parent", null, """{"type":"process","state":"sleeping","fds":[{"fd":5,"object":"p","end":"read"},{"fd":6,"object":"p","end":"write"}]}""")
            .State(2, "child", null, """{"type":"process","state":"sleeping","fds":[]}""")
            .State(3, "parent", "e", """{"type":"eventfd","counter":3,"semaphore":true}"""));

        var rows = cut.FindAll("[data-testid=inspector-process][data-process=parent] [data-testid=proc-fd]");
        Assert.Equal(["5:p:read", "6:p:write"], rows.Select(r => $"{r.GetAttribute("data-fd")}:{r.GetAttribute("data-object")}:{r.GetAttribute("data-end")}"));
        Assert.Single(cut.FindAll("[data-testid=inspector-process][data-process=child] [data-testid=proc-fds-none]"));
        Assert.Equal("3", cut.Find("[data-testid=inspector-object][data-object=e] [data-testid=eventfd-counter]").TextContent);
    }
}
