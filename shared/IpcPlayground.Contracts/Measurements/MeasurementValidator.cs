using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Contracts.Measurements;

/// <summary>
/// The rules of a measurement request, by JSON path, shared by the server (400) and the page (before it posts). What
/// the kernel cannot do for a valid request (a message above a queue's limit) is not an error here: that cell says why.
/// </summary>
public static class MeasurementValidator
{
    public const int MaxMechanisms = 11;
    public const int MaxSizes = 8;
    public const int MinSize = 1;
    public const int MaxSize = 1 << 20;

    public static IReadOnlyList<ValidationError> Validate(MeasurementRequest request)
    {
        var errors = new List<ValidationError>();
        if (request.Format is { } format && format != 1)
            errors.Add(new("format", $"format {format} is not known; this server reads format 1"));
        if (request.Pattern is { } pattern && !MeasurePatterns.All.Contains(pattern))
            errors.Add(new("pattern", $"'{pattern}' is not a pattern; use {string.Join(" or ", MeasurePatterns.All)}"));
        if (request.Cpus is { } cpus && !CpuPlacements.All.Contains(cpus))
            errors.Add(new("cpus", $"'{cpus}' is not a CPU placement; use {string.Join(", ", CpuPlacements.All)}"));

        if (request.Mechanisms is { } mechanisms)
        {
            if (mechanisms.Count is 0 or > MaxMechanisms)
                errors.Add(new("mechanisms", $"name from 1 to {MaxMechanisms} mechanisms"));
            var measuredAs = request.Pattern ?? MeasurePatterns.Stream;
            for (var i = 0; i < mechanisms.Count; i++)
            {
                var path = $"mechanisms[{i}]";
                if (MeasureMechanisms.Named(mechanisms[i]) is not { } mechanism)
                    errors.Add(new(path, $"'{mechanisms[i]}' is not a mechanism; the measurable ones are {string.Join(", ", MeasureMechanisms.All.Select(m => m.Name))}"));
                else if (mechanisms.Take(i).Contains(mechanisms[i]))
                    errors.Add(new(path, $"'{mechanisms[i]}' is named twice"));
                else if (!mechanism.Streams && measuredAs == MeasurePatterns.Stream)
                    errors.Add(new(path, $"{mechanism.Name} carries no message of a size: it is measured as ping-pong (pattern \"ping-pong\")"));
            }
        }

        if (request.Sizes is { } sizes)
        {
            if (sizes.Count is 0 or > MaxSizes)
                errors.Add(new("sizes", $"name from 1 to {MaxSizes} message sizes"));
            for (var i = 0; i < sizes.Count; i++)
            {
                if (sizes[i] is < MinSize or > MaxSize)
                    errors.Add(new($"sizes[{i}]", $"a message size is from {MinSize} to {MaxSize} bytes (1 MiB), not {sizes[i]}"));
                else if (sizes.Take(i).Contains(sizes[i]))
                    errors.Add(new($"sizes[{i}]", $"{sizes[i]} is named twice"));
            }
        }
        return errors;
    }
}
