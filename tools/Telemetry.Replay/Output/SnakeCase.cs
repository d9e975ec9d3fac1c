namespace Telemetry.Replay.Output;

/// <summary>snake_case names of enum values (guidance phases, event kinds), as used in tags, CSV and reports.</summary>
internal static class SnakeCase
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Cache<TEnum>.Names.TryGetValue(value, out var name) ? name : Convert(value.ToString());

    public static string Convert(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static class Cache<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> Names =
            Enum.GetValues<TEnum>().Distinct().ToDictionary(v => v, v => Convert(v.ToString()));
    }
}
