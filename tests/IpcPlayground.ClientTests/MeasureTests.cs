using System.Net;
using System.Text;
using System.Text.Json;
using Bunit;
using IpcPlayground.Client.Components.Measure;
using IpcPlayground.Client.Localization;
using IpcPlayground.Client.Pages;
using IpcPlayground.Client.Services.Measure;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Lessons;
using IpcPlayground.Contracts.Measurements;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace IpcPlayground.ClientTests;

/// <summary>The measure page: its form (prefilled from the address, checked by path before posting), its table and CSV, both languages.</summary>
public sealed class MeasureTests : BunitContext
{
    private readonly FakeMeasurements _server = new();

    public MeasureTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(new MeasurementsClient(new HttpClient(_server) { BaseAddress = new Uri("http://localhost/") }));
        ComponentFactories.AddStub<MeasurePlots>(); // the page's tests; the plots' own test is below, the drawing in MeasurePageTests
    }

    private IRenderedComponent<Measure> Open(string address, UiText? text = null)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<Measure>(p => p.AddCascadingValue(text ?? UiText.English));
    }

    private static bool Checked(AngleSharp.Dom.IElement box) => box.HasAttribute("checked");

    [Fact]
    public void A_lessons_link_fills_the_form()
    {
        var cut = Open("http://localhost/measure?mechanisms=pipe,shm-sem,shm-ring&sizes=64,4096,65536");
        foreach (var mechanism in MeasureMechanisms.All)
        {
            var expected = mechanism == MeasureMechanisms.Pipe || mechanism == MeasureMechanisms.ShmSemaphores || mechanism == MeasureMechanisms.ShmRing;
            Assert.Equal(expected, Checked(cut.Find($"[data-testid=measure-mechanism-{mechanism.Name}]")));
        }
        Assert.All([64, 4096, 65536], s => Assert.Equal("true", cut.Find($"[data-testid=measure-size-{s}]").GetAttribute("aria-pressed")));
        Assert.Equal("false", cut.Find("[data-testid=measure-size-512]").GetAttribute("aria-pressed"));
        Assert.Equal("64 KiB", cut.Find("[data-testid=measure-size-65536]").TextContent);
        Assert.True(Checked(cut.Find("[data-testid=measure-pattern-stream]")));
        Assert.True(Checked(cut.Find("[data-testid=measure-reference]")));

        var prepared = LessonLibrary.Get("is-shared-memory-fastest").Measurement!;
        var choices = MeasureChoices.FromQuery("http://localhost" + prepared);
        Assert.Equal([MeasureMechanisms.Pipe.Name, MeasureMechanisms.ShmSemaphores.Name, MeasureMechanisms.ShmRing.Name], choices.Mechanisms);
        Assert.Equal([64, 4096, 65536], choices.Sizes);
        Assert.Empty(choices.Validate());
    }

    [Fact]
    public void The_lesson_links_its_prepared_measurement_in_both_languages()
    {
        var lesson = LessonLibrary.Get("is-shared-memory-fastest");
        var english = Render<IpcPlayground.Client.Components.Gallery.LessonExplanation>(p => p.Add(c => c.Lesson, lesson).AddCascadingValue(UiText.English));
        var link = english.Find("[data-testid=lesson-measurement]");
        Assert.Equal("measure?mechanisms=pipe,shm-sem,shm-ring&sizes=64,4096,65536", link.GetAttribute("href"));
        Assert.Equal(MeasureText.English.OpenPrepared, link.TextContent);
        var chinese = Render<IpcPlayground.Client.Components.Gallery.LessonExplanation>(p => p.Add(c => c.Lesson, lesson).AddCascadingValue(UiText.Chinese));
        Assert.Equal(MeasureText.Chinese.OpenPrepared, chinese.Find("[data-testid=lesson-measurement]").TextContent);
        Assert.Contains("shm-sem", chinese.Find("[data-testid=lesson-explanation]").TextContent, StringComparison.Ordinal);
        // other lessons link no measurement
        var plain = Render<IpcPlayground.Client.Components.Gallery.LessonExplanation>(p => p.Add(c => c.Lesson, LessonLibrary.Get("pipe-byte-stream")).AddCascadingValue(UiText.English));
        Assert.Empty(plain.FindAll("[data-testid=lesson-measurement]"));
    }

    [Fact]
    public void The_query_string_says_back_what_it_read()
    {
        var choices = MeasureChoices.FromQuery("http://localhost/measure?mechanisms=eventfd,pipe&sizes=1k,2MiB&pattern=ping-pong&cpus=different&reference=false");
        Assert.Equal([1024, 2 * 1024 * 1024], choices.Sizes);
        Assert.Equal("?mechanisms=eventfd,pipe&sizes=1024,2097152&pattern=ping-pong&cpus=different&reference=false", choices.ToQuery());
        Assert.Equal([new("sizes[1]", "a message size is from 1 to 1048576 bytes (1 MiB), not 2097152")], choices.Validate());
        Assert.Equal(new MeasureChoices().ToRequest() with { Mechanisms = null, Sizes = null },
            MeasureChoices.FromQuery("http://localhost/measure").ToRequest() with { Mechanisms = null, Sizes = null });
    }

    [Fact]
    public void Errors_show_by_field_before_anything_is_posted()
    {
        var cut = Open("http://localhost/measure?mechanisms=pipe,carrier-pigeon,pipe&sizes=64,0,big");
        cut.Find("[data-testid=measure-run]").Click();

        var errors = cut.FindAll("[data-testid=measure-error]").ToDictionary(e => e.GetAttribute("data-path")!, e => e.TextContent);
        Assert.Equal(["mechanisms[1]", "mechanisms[2]", "sizes[1]", "sizes[2]"], errors.Keys.Order());
        Assert.Contains("'carrier-pigeon' is not a mechanism", errors["mechanisms[1]"], StringComparison.Ordinal);
        Assert.Contains("Mechanisms #2:", errors["mechanisms[1]"], StringComparison.Ordinal);
        Assert.Contains("'big' is not a message size", errors["sizes[2]"], StringComparison.Ordinal);
        // each under its own field
        Assert.NotNull(cut.Find("[data-testid=measure-sizes] [data-path='sizes[1]']"));
        Assert.NotNull(cut.Find("[data-testid=measure-mechanisms] [data-path='mechanisms[2]']"));
        Assert.Empty(_server.Posted);

        // fixing the form clears its errors as the person goes
        cut.Find("[data-testid=measure-size-0]").Click();
        Assert.DoesNotContain(cut.FindAll("[data-testid=measure-error]"), e => e.GetAttribute("data-path") == "sizes[1]");
    }

    [Fact]
    public void Under_stream_the_mechanisms_that_cannot_stream_are_disabled_with_the_reason()
    {
        var cut = Open("http://localhost/measure");
        var notStreaming = MeasureMechanisms.All.Where(m => !m.Streams).ToList();
        Assert.NotEmpty(notStreaming);
        foreach (var mechanism in MeasureMechanisms.All)
            Assert.Equal(!mechanism.Streams, cut.Find($"[data-testid=measure-mechanism-{mechanism.Name}]").HasAttribute("disabled"));
        var reason = cut.Find("[data-testid=measure-not-streamed]").TextContent;
        Assert.All(notStreaming, m => Assert.Contains(m.Name, reason, StringComparison.Ordinal));

        cut.Find("[data-testid=measure-pattern-ping-pong]").Change(true);
        Assert.All(notStreaming, m => Assert.False(cut.Find($"[data-testid=measure-mechanism-{m.Name}]").HasAttribute("disabled")));
        Assert.Empty(cut.FindAll("[data-testid=measure-not-streamed]"));
    }

    [Fact]
    public void The_servers_refusal_shows_by_path_too()
    {
        _server.Refusal = """{"title":"invalid","errors":{"sizes[0]":["the server says no to 64"]}}""";
        var cut = Open("http://localhost/measure?mechanisms=pipe&sizes=64");
        cut.Find("[data-testid=measure-run]").Click();
        cut.WaitForAssertion(() => Assert.Equal("sizes[0]", cut.Find("[data-testid=measure-error]").GetAttribute("data-path")));
        Assert.Contains("the server says no to 64", cut.Find("[data-testid=measure-sizes] [data-testid=measure-error]").TextContent, StringComparison.Ordinal);
        Assert.Single(_server.Posted);
    }

    [Fact]
    public void Measuring_posts_the_form_and_shows_each_cell_then_the_machine()
    {
        _server.Events = [Pipe4096, ShmRingTooBig, new MeasurementEnd { Status = MeasurementStatuses.Completed }];
        var cut = Open("http://localhost/measure?mechanisms=pipe,shm-ring&sizes=4096&cpus=same");
        cut.Find("[data-testid=measure-run]").Click();

        cut.WaitForAssertion(() => Assert.Equal(MeasurementStatuses.Completed, cut.Find("[data-testid=measure-status]").GetAttribute("data-status")));
        var posted = JsonSerializer.Deserialize(_server.Posted.Single(), ContractsJsonContext.Default.MeasurementRequest)!;
        Assert.Equal([MeasureMechanisms.Pipe.Name, MeasureMechanisms.ShmRing.Name], posted.Mechanisms);
        Assert.Equal(CpuPlacements.Same, posted.Cpus);
        Assert.NotNull(cut.Find("[data-testid=measure-cell-pipe-4096]"));
        cut.WaitForAssertion(() => Assert.Contains("Linux 6.1.0", cut.Find("[data-testid=measure-machine]").TextContent, StringComparison.Ordinal));
        Assert.Contains("2 other run(s)", cut.Find("[data-testid=measure-other-runs]").TextContent, StringComparison.Ordinal);
        Assert.Equal("http://localhost/m/m1", cut.Find("[data-testid=measure-share-link]").GetAttribute("href"));
        Assert.EndsWith("/m/m1", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_share_link_opens_the_measurement_with_its_form()
    {
        _server.Events = [Pipe4096, ShmRingTooBig, new MeasurementEnd { Status = MeasurementStatuses.Limit }];
        _server.Status = MeasurementStatuses.Limit;
        Services.GetRequiredService<NavigationManager>().NavigateTo("http://localhost/m/m1");
        var cut = Render<Measure>(p => p.Add(c => c.MeasurementId, "m1").AddCascadingValue(UiText.English));
        cut.WaitForAssertion(() => Assert.Equal(MeasurementStatuses.Limit, cut.Find("[data-testid=measure-status]").GetAttribute("data-status")));
        Assert.Equal(2, cut.FindAll("[data-testid^=measure-cell-]").Count);
        Assert.True(Checked(cut.Find("[data-testid=measure-mechanism-shm-ring]")));
        Assert.False(Checked(cut.Find("[data-testid=measure-mechanism-tcp]")));
        Assert.Empty(_server.Posted);
    }

    [Fact]
    public void The_table_shows_figures_beside_c_and_the_reason_for_a_cell_the_kernel_cannot_do()
    {
        var cut = Render<MeasureTable>(p => p.Add(c => c.Cells, [ShmRingTooBig, Pipe4096]).AddCascadingValue(UiText.English));
        var rows = cut.FindAll("tbody tr");
        Assert.Equal(["measure-cell-pipe-4096", "measure-cell-shm-ring-4096"], rows.Select(r => r.GetAttribute("data-testid")));
        var pipe = cut.Find("[data-testid=measure-cell-pipe-4096]");
        Assert.Equal("250,000", pipe.QuerySelector("[data-testid=measure-messages]")!.TextContent);
        Assert.Equal("1,024.0", pipe.QuerySelector("[data-testid=measure-bytes]")!.TextContent);
        Assert.Equal("0.80×", pipe.QuerySelector("[data-testid=measure-ratio]")!.TextContent);
        Assert.Contains("1.5 µs", pipe.TextContent, StringComparison.Ordinal);
        var ring = cut.Find("[data-testid=measure-cell-shm-ring-4096]");
        Assert.Equal("the ring holds at most 1024 bytes", ring.QuerySelector("[data-testid=measure-reason]")!.TextContent);
        Assert.Equal("—", ring.QuerySelector("[data-testid=measure-messages]")!.TextContent);

        var chinese = Render<MeasureTable>(p => p.Add(c => c.Cells, [Pipe4096]).AddCascadingValue(UiText.Chinese));
        Assert.Contains("机制", chinese.Find("thead").TextContent, StringComparison.Ordinal);
        Assert.Equal("250,000", chinese.Find("[data-testid=measure-messages]").TextContent);
    }

    [Fact]
    public void The_csv_has_a_line_a_cell_with_raw_numbers()
    {
        var lines = MeasureRows.Csv([ShmRingTooBig, Pipe4096]).TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("mechanism,size,pattern,messagesPerSecond,bytesPerSecond,p50Ns", lines[0], StringComparison.Ordinal);
        Assert.Equal("pipe,4096,stream,250000,1024000000,1500,3000,9000,312500,1280000000,1200,2000,5000,0.8,", lines[1]);
        Assert.Equal("shm-ring,4096,stream,,,,,,,,,,,,\"the ring holds at most 1024 bytes\"", lines[2]);
        Assert.StartsWith("data:text/csv;charset=utf-8,mechanism%2Csize", MeasureRows.DataUri("text/csv", lines[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_reads_in_chinese()
    {
        var cut = Open("http://localhost/measure", UiText.Chinese);
        Assert.Equal("测量：哪种 IPC 最快？", cut.Find("#measure-heading").TextContent);
        Assert.Equal("开始测量", cut.Find("[data-testid=measure-run]").TextContent);
        Assert.Contains("虚拟机", cut.Find("[data-testid=measure-cpus-hint-different]").TextContent, StringComparison.Ordinal);
        Assert.Contains("on a VM the cross-CPU wake-up dominates", MeasureText.English.PlacementHint(CpuPlacements.Different), StringComparison.Ordinal);
        cut.Find("[data-testid=measure-run]").Click(); // the default form is valid: it posts
        Assert.Single(_server.Posted);
    }

    [Fact]
    public void Every_measure_text_and_mechanism_description_has_both_languages()
    {
        foreach (var property in typeof(MeasureText).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)property.GetValue(MeasureText.English)), property.Name);
            Assert.False(string.IsNullOrWhiteSpace((string?)property.GetValue(MeasureText.Chinese)), property.Name);
        }
        foreach (var mechanism in MeasureMechanisms.All)
        {
            Assert.Equal(mechanism.Description, MeasureText.English.Describe(mechanism));
            Assert.Contains(MeasureText.Chinese.Describe(mechanism), c => c >= '\u4e00' && c <= '\u9fff');
        }
        Assert.Equal("消息大小 #3", MeasureText.Chinese.Field("sizes[2]"));
    }

    [Fact]
    public void The_throughput_plot_has_a_line_a_mechanism_its_c_reference_dashed_and_the_memcpy_ceiling()
    {
        var pipe64 = Pipe4096 with { Size = 64, BytesPerSecond = 1e7, Reference = new CellFigures { BytesPerSecond = 2e7 } };
        var series = MeasurePlotData.Throughput([Pipe4096, pipe64, ShmRingTooBig], new Dictionary<int, double> { [4096] = 2e10, [64] = 5e9 }, "(C)", "memcpy");
        Assert.Equal(["pipe", "pipe (C)", "memcpy"], series.Select(s => s.Name));
        Assert.Equal([64, 4096], series[0].X.Cast<int>());
        Assert.Equal(series[0].Color, series[1].Color);
        Assert.Equal([false, true, true], series.Select(s => s.Dashed));
        Assert.Equal([5e9, 2e10], series[2].Y.Cast<double>());

        var latency = MeasurePlotData.Latency([Pipe4096, ShmRingTooBig]);
        Assert.Equal(["p50", "p90", "p99"], latency.Select(s => s.Name));
        Assert.Equal(["pipe 4 KiB"], latency[0].X.Cast<string>());
        Assert.Equal([9000L], latency[2].Y.Cast<long>());
    }

    [Fact]
    public void The_plots_hand_plotly_a_log_log_figure_and_grouped_percentile_bars()
    {
        using var plots = new BunitContext();
        plots.JSInterop.Mode = JSRuntimeMode.Strict;
        var module = plots.JSInterop.SetupModule("./js/measure-plots.js");
        module.SetupVoid("draw", _ => true).SetVoidResult();
        var memcpy = new Dictionary<int, double> { [4096] = 2e10 };
        var cut = plots.Render<MeasurePlots>(p => p.Add(c => c.Cells, [Pipe4096, ShmRingTooBig]).Add(c => c.Memcpy, memcpy).AddCascadingValue(UiText.Chinese));

        cut.WaitForAssertion(() => Assert.Equal(2, module.Invocations["draw"].Count));
        using var throughput = JsonDocument.Parse((string)module.Invocations["draw"][0].Arguments[1]!);
        var layout = throughput.RootElement.GetProperty("layout");
        Assert.Equal("log", layout.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal("吞吐量与消息大小", layout.GetProperty("title").GetProperty("text").GetString());
        var data = throughput.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["pipe", "pipe （C）", "memcpy（上限）"], data.Select(d => d.GetProperty("name").GetString()));
        Assert.Equal(["solid", "dash", "dash"], data.Select(d => d.GetProperty("line").GetProperty("dash").GetString()));
        Assert.Equal(1.024e9, data[0].GetProperty("y")[0].GetDouble());
        Assert.Equal(4096, data[2].GetProperty("x")[0].GetInt32());

        using var latency = JsonDocument.Parse((string)module.Invocations["draw"][1].Arguments[1]!);
        Assert.Equal("group", latency.RootElement.GetProperty("layout").GetProperty("barmode").GetString());
        Assert.All(latency.RootElement.GetProperty("data").EnumerateArray(), d => Assert.Equal("bar", d.GetProperty("type").GetString()));

        // a new cell redraws; the same cells do not
        cut.Render(p => p.Add(c => c.Cells, [Pipe4096, ShmRingTooBig, Pipe4096 with { Size = 64 }]));
        cut.WaitForAssertion(() => Assert.Equal(4, module.Invocations["draw"].Count));
        cut.Render(p => p.Add(c => c.Cells, [Pipe4096, ShmRingTooBig, Pipe4096 with { Size = 64 }]));
        Assert.Equal(4, module.Invocations["draw"].Count);
    }

    [Fact]
    public void Sizes_read_and_print_in_powers_of_two()
    {
        Assert.Equal(4096, MessageSizes.Parse("4k"));
        Assert.Equal(4096, MessageSizes.Parse("4 KiB"));
        Assert.Equal(1 << 20, MessageSizes.Parse("1MiB"));
        Assert.Equal(64, MessageSizes.Parse("64"));
        Assert.Null(MessageSizes.Parse("0.5"));
        Assert.Null(MessageSizes.Parse("lots"));
        Assert.Equal("1.5 KiB", MessageSizes.Format(1536));
        Assert.Equal("1 MiB", MessageSizes.Format(1 << 20));
        Assert.Equal("100 B", MessageSizes.Format(100));
    }

    private static readonly MeasurementCell Pipe4096 = new()
    {
        Mechanism = MeasureMechanisms.Pipe.Name, Size = 4096, Pattern = MeasurePatterns.Stream,
        MessagesPerSecond = 250_000, BytesPerSecond = 1.024e9, LatencyNs = new(1500, 3000, 9000),
        Reference = new CellFigures { MessagesPerSecond = 312_500, BytesPerSecond = 1.28e9, LatencyNs = new(1200, 2000, 5000) },
    };

    private static readonly MeasurementCell ShmRingTooBig = new()
    {
        Mechanism = MeasureMechanisms.ShmRing.Name, Size = 4096, Pattern = MeasurePatterns.Stream, Reason = "the ring holds at most 1024 bytes",
    };

    /// <summary>The server's measurement API, in memory: one measurement, m1, answering with <see cref="Events"/>.</summary>
    private sealed class FakeMeasurements : HttpMessageHandler
    {
        public List<string> Posted { get; } = [];
        public string? Refusal { get; set; }
        public IReadOnlyList<MeasurementEvent> Events { get; set; } = [new MeasurementEnd { Status = MeasurementStatuses.Completed }];
        public string Status { get; set; } = MeasurementStatuses.Completed;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (request.Method == HttpMethod.Post && path == "/api/measurements")
            {
                Posted.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
                return Refusal is { } refusal ? Answer(HttpStatusCode.BadRequest, refusal) : Answer(HttpStatusCode.Accepted, """{"measurementId":"m1"}""");
            }
            if (path == "/api/measurements/m1/events")
                return Answer(HttpStatusCode.OK, string.Concat(Events.Select(e => JsonSerializer.Serialize(e, ContractsJsonContext.Default.MeasurementEvent) + "\n")));
            if (path == "/api/measurements/m1")
                return Answer(HttpStatusCode.OK, Record());
            return Answer(HttpStatusCode.NotFound, """{"title":"not found"}""");
        }

        private string Record()
        {
            var cells = string.Join(",", Events.OfType<MeasurementCell>().Select(c => JsonSerializer.Serialize(c, ContractsJsonContext.Default.MeasurementCell)));
            return $$$"""
                {"measurementId":"m1","request":{"format":1,"mechanisms":["pipe","shm-ring"],"sizes":[4096],"pattern":"stream","cpus":"same","reference":true},
                 "status":"{{{Status}}}","machine":{"cpus":2,"cpuModel":"Example CPU","kernel":"6.1.0","memcpyBytesPerSecond":{"4096":2.0e10}},
                 "otherRuns":2,"cells":[{{{cells}}}],"startedAt":"2026-12-07T20:00:00Z","endedAt":"2026-12-07T20:00:05Z"}
                """;
        }

        private static HttpResponseMessage Answer(HttpStatusCode status, string body) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
