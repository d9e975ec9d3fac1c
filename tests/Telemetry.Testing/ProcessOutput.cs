using System.Diagnostics;
using System.Text;

namespace Telemetry.Testing;

/// <summary>The last 64 KiB that a child process printed on stdout and stderr, for failure messages.</summary>
public sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();

    /// <summary>Everything kept so far.</summary>
    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="info"/> with both streams redirected into this buffer.</summary>
    public Process Start(ProcessStartInfo info)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} did not start.");
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_text)
        {
            if (_text.Length > 65_536)
            {
                _text.Remove(0, _text.Length - 32_768);
            }
            _text.AppendLine(line);
        }
    }
}
