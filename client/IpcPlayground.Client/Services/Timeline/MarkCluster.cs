namespace IpcPlayground.Client.Services.Timeline;

/// <summary>
/// Marks of one lane that fall closer together than a mark's width, from the first of them on. Up to
/// <see cref="MaxStacked"/> are stacked up and down the lane; more are drawn as one group with their count, which
/// zooms in on them when picked.
/// </summary>
public sealed record MarkCluster(IReadOnlyList<TimelineMark> Marks)
{
    public const int MaxStacked = 5;

    public bool Grouped => Marks.Count > MaxStacked;
    public long FromNs => Marks[0].TNs;
    public long ToNs => Marks[^1].TNs;

    /// <summary>Splits a lane's marks (in time order) into clusters, given where each falls in pixels.</summary>
    public static List<MarkCluster> Of(IEnumerable<TimelineMark> laneMarks, Func<long, double> x, double gap)
    {
        var clusters = new List<MarkCluster>();
        List<TimelineMark>? current = null;
        var startX = double.NegativeInfinity;
        foreach (var mark in laneMarks)
        {
            var at = x(mark.TNs);
            if (current is null || at - startX >= gap)
            {
                if (current is not null) clusters.Add(new MarkCluster(current));
                current = [];
                startX = at;
            }
            current.Add(mark);
        }
        if (current is not null) clusters.Add(new MarkCluster(current));
        return clusters;
    }
}
