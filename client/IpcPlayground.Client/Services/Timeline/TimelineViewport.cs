namespace IpcPlayground.Client.Services.Timeline;

/// <summary>
/// Which stretch of the run the timeline shows. By default the whole run, growing as it goes; zooming keeps the
/// latest moment in view while following; panning stops following. All in nanoseconds since the run started.
/// </summary>
public sealed class TimelineViewport
{
    public const long MinSpanNs = 2_000;
    public const long EmptyRunSpanNs = 1_000_000;

    public long StartNs { get; private set; }
    public long SpanNs { get; private set; } = EmptyRunSpanNs;

    /// <summary>Showing the whole run (the default).</summary>
    public bool Whole { get; private set; } = true;

    /// <summary>Keeping the latest moment in view as events arrive.</summary>
    public bool Following { get; private set; } = true;

    public long EndNs => StartNs + SpanNs;

    /// <summary>Takes the run's latest time into account: the whole run grows, a followed view slides.</summary>
    public void Update(long runEndNs)
    {
        if (Whole)
        {
            StartNs = 0;
            SpanNs = Math.Max(EmptyRunSpanNs, runEndNs + runEndNs / 50);
        }
        else if (Following && runEndNs > StartNs + SpanNs * 19 / 20)
        {
            StartNs = Math.Max(0, runEndNs - SpanNs * 19 / 20);
        }
    }

    /// <summary>Halves (factor 0.5) or doubles (2) the span, keeping the moment at <paramref name="anchor"/> (0 left … 1 right) in place.</summary>
    public void Zoom(double factor, double anchor, long runEndNs)
    {
        anchor = Math.Clamp(anchor, 0, 1);
        var pivot = StartNs + (long)(SpanNs * anchor);
        var span = Math.Clamp((long)(SpanNs * factor), MinSpanNs, Math.Max(EmptyRunSpanNs, runEndNs * 2));
        Whole = false;
        SpanNs = span;
        StartNs = Math.Max(0, pivot - (long)(span * anchor));
        Update(runEndNs);
    }

    /// <summary>Moves by a fraction of the visible span (negative: earlier). Moving stops following.</summary>
    public void Pan(double fraction, long runEndNs)
    {
        Whole = false;
        Following = false;
        var limit = Math.Max(0, runEndNs - SpanNs / 10);
        StartNs = Math.Clamp(StartNs + (long)(SpanNs * fraction), 0, limit);
    }

    /// <summary>Shows a stretch of the run with a margin either side (a group of marks, opened); stops following.</summary>
    public void ShowRange(long fromNs, long toNs, long runEndNs)
    {
        var span = Math.Max(MinSpanNs, (toNs - fromNs) * 5 / 4);
        Whole = false;
        Following = false;
        SpanNs = span;
        StartNs = Math.Clamp(fromNs - (span - (toNs - fromNs)) / 2, 0, Math.Max(0, runEndNs));
    }

    public void ShowWhole(long runEndNs)
    {
        Whole = true;
        Following = true;
        Update(runEndNs);
    }

    public void ToggleFollow(long runEndNs)
    {
        Following = !Following;
        Update(runEndNs);
    }

    /// <summary>Where a moment falls, from 0 (left edge) to 1 (right edge); outside that range it is off screen.</summary>
    public double Fraction(long tNs) => (tNs - StartNs) / (double)SpanNs;
}
