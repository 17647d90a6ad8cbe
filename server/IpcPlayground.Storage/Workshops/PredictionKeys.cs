using System.Globalization;

namespace IpcPlayground.Storage.Workshops;

/// <summary>
/// Names one question within a room prediction: <c>reader|1|2|outcome</c> (process, step, iteration or nothing,
/// about). Process ids are <c>[a-z0-9-]</c> and steps are dotted numbers, so the bar cannot occur inside a part.
/// </summary>
public static class PredictionKeys
{
    public const int MaxLength = 128;

    public static string Of(string process, string step, int? iteration, string about) =>
        string.Create(CultureInfo.InvariantCulture, $"{process}|{step}|{iteration}|{about}");
}
