using System.Globalization;

namespace IpcPlayground.Client.Services.Workshops;

/// <summary>
/// A step's place as people count it. Events number steps and iterations from 0 (<c>"0"</c>, <c>"3.1"</c> inside a
/// repeat); a board read out in a room says "step 1", "step 4.2", "round 1".
/// </summary>
public static class StepNumbers
{
    public static string Step(string path) =>
        string.Join('.', path.Split('.').Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? (index + 1).ToString(CultureInfo.InvariantCulture) : part));

    public static int? Iteration(int? iteration) => iteration + 1;
}
