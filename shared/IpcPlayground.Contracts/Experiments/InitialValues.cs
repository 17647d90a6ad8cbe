using System.Globalization;
using System.Text.Json.Serialization;

namespace IpcPlayground.Contracts.Experiments;

/// <summary>
/// A semaphore's <c>initial</c>: one start value (a number; every member of a System V set starts at it), or one per
/// member of a System V set (an array, set with semctl SETALL), whose length is the set's <c>count</c> unless it says.
/// </summary>
[JsonConverter(typeof(InitialValuesJsonConverter))]
public sealed class InitialValues : IEquatable<InitialValues>
{
    private InitialValues(int? value, IReadOnlyList<int>? perMember) => (Value, PerMember) = (value, perMember);

    /// <summary>The one value, when a number was given.</summary>
    public int? Value { get; }

    /// <summary>The value of each member, when an array was given.</summary>
    public IReadOnlyList<int>? PerMember { get; }

    public static InitialValues Of(int value) => new(value, null);
    public static InitialValues Of(IReadOnlyList<int> perMember) => new(null, [.. perMember]);

    public static implicit operator InitialValues(int value) => Of(value);

    /// <summary>The start value of each of <paramref name="count"/> members.</summary>
    public IReadOnlyList<int> ForMembers(int count) => PerMember ?? [.. Enumerable.Repeat(Value ?? 0, count)];

    /// <summary>As a person types it: <c>3</c>, or <c>2,0</c> for one value per member.</summary>
    public override string ToString() =>
        PerMember is { } values ? string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture))) : (Value ?? 0).ToString(CultureInfo.InvariantCulture);

    /// <summary>What a person typed (<c>3</c>, <c>2,0</c>, <c>[2, 0]</c>), or null when it is not numbers.</summary>
    public static InitialValues? Parse(string? text)
    {
        var trimmed = text?.Trim().TrimStart('[').TrimEnd(']');
        if (string.IsNullOrWhiteSpace(trimmed)) return null;
        var parts = trimmed.Split(',', StringSplitOptions.TrimEntries);
        var numbers = new List<int>(parts.Length);
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return null;
            numbers.Add(n);
        }
        return text!.Contains(',', StringComparison.Ordinal) || text.Contains('[', StringComparison.Ordinal) ? Of(numbers) : Of(numbers[0]);
    }

    public bool Equals(InitialValues? other) =>
        other is not null && Value == other.Value && (PerMember ?? []).SequenceEqual(other.PerMember ?? []) && (PerMember is null) == (other.PerMember is null);

    public override bool Equals(object? obj) => Equals(obj as InitialValues);

    public override int GetHashCode() => PerMember is { } values ? values.Aggregate(17, HashCode.Combine) : Value.GetHashCode();
}
