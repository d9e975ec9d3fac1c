namespace Telemetry.Simulation.Core;

/// <summary>A scenario could not be found, read or validated. The message names the JSON path of the bad value.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public ScenarioException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public ScenarioException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for one bad value.</summary>
    /// <param name="source">File name or scenario name.</param>
    /// <param name="path">JSON path of the bad value, e.g. <c>$.vehicle.maxThrustN</c>.</param>
    /// <param name="problem">What is wrong with it.</param>
    public ScenarioException(string source, string path, string problem)
        : base($"{source}: {path}: {problem}")
    {
        Source = source;
        JsonPath = path;
    }

    /// <summary>JSON path of the bad value, e.g. <c>$.vehicle.maxThrustN</c>, or null.</summary>
    public string? JsonPath { get; }
}
