using System.Text;
using System.Text.Json;

namespace IpcPlayground.Client.Services.Measure;

/// <summary>
/// A plotly.js figure (<c>{ data, layout }</c>) as JSON text, written by hand from <see cref="PlotSeries"/>: no
/// reflection, so trimming cannot take a property away, and the page carries no charting assembly.
/// </summary>
public static class PlotFigures
{
    /// <summary>Bytes a second against message size, both axes logarithmic; a dashed series is a C reference or the memcpy ceiling.</summary>
    public static string Throughput(IReadOnlyList<PlotSeries> series, string title, string sizeAxis, string throughputAxis) =>
        Figure(series, "scatter", title, xAxis: (sizeAxis, "log"), yAxis: (throughputAxis, "log"));

    /// <summary>p50, p90 and p99 side by side over each mechanism × size, latency on a logarithmic axis.</summary>
    public static string Latency(IReadOnlyList<PlotSeries> series, string title, string latencyAxis) =>
        Figure(series, "bar", title, xAxis: (null, "category"), yAxis: (latencyAxis, "log"));

    private static string Figure(IReadOnlyList<PlotSeries> series, string type, string title, (string? Title, string Type) xAxis, (string Title, string Type) yAxis)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("data");
            foreach (var s in series)
            {
                json.WriteStartObject();
                json.WriteString("type", type);
                json.WriteString("name", s.Name);
                if (type == "scatter")
                {
                    json.WriteString("mode", "lines+markers");
                    json.WriteStartObject("line");
                    json.WriteString("color", s.Color);
                    json.WriteString("dash", s.Dashed ? "dash" : "solid");
                    json.WriteEndObject();
                }
                json.WriteStartObject("marker");
                json.WriteString("color", s.Color);
                json.WriteEndObject();
                Values(json, "x", s.X);
                Values(json, "y", s.Y);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("layout");
            json.WriteStartObject("title");
            json.WriteString("text", title);
            json.WriteEndObject();
            if (type == "bar") json.WriteString("barmode", "group");
            Axis(json, "xaxis", xAxis.Title, xAxis.Type);
            Axis(json, "yaxis", yAxis.Title, yAxis.Type);
            json.WriteNumber("height", type == "bar" ? 380 : 420);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Axis(Utf8JsonWriter json, string name, string? title, string type)
    {
        json.WriteStartObject(name);
        json.WriteString("type", type);
        if (title is not null)
        {
            json.WriteStartObject("title");
            json.WriteString("text", title);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void Values(Utf8JsonWriter json, string name, IReadOnlyList<object> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            switch (value)
            {
                case int i: json.WriteNumberValue(i); break;
                case long l: json.WriteNumberValue(l); break;
                case double d: json.WriteNumberValue(d); break;
                default: json.WriteStringValue(value.ToString()); break;
            }
        }
        json.WriteEndArray();
    }
}
