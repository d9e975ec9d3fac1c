namespace Telemetry.Replay.Output.Terminal;

/// <summary>
/// Reports on the calling thread. <see cref="Progress{T}"/> posts to the thread pool instead, so its last reports can
/// land after the progress display has closed and leave the bar short of 100 %.
/// </summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
