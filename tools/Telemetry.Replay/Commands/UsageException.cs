namespace Telemetry.Replay.Commands;

/// <summary>Bad input from the user: the message is shown as is and the process exits with <see cref="ExitCodes.BadInput"/>.</summary>
internal sealed class UsageException(string message) : Exception(message);
