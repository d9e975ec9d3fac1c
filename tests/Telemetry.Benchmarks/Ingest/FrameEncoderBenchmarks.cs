using System.Buffers;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Telemetry.Contracts.V1;
using Telemetry.Ingest.LineProtocol;

namespace Telemetry.Benchmarks.Ingest;

/// <summary>
/// Line-protocol encoding of realistic frames (2 tags plus source, 8 fields: 5 full-precision doubles, an integer,
/// a bool and a short string). Times are per line; target: >= 3M lines/s on one core, 0 bytes allocated per line.
/// </summary>
public class FrameEncoderBenchmarks
{
    private const int BatchSize = 1_000;
    private readonly FrameEncoder _encoder = new(new FrameEncoderOptions());
    private readonly ArrayBufferWriter<byte> _output = new(1 << 20);
    private readonly StringBuilder _line = new(512);
    private Frame[] _frames = [];
    private byte[][] _wireFrames = [];

    /// <summary>Builds the batch once; the output buffer is reused by every iteration.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _frames = BenchmarkFrames.Create(BatchSize);
        _wireFrames = [.. _frames.Select(f => f.ToByteArray())];

        // A rejected frame would make the benchmark measure the wrong path.
        if (EncodeBatch() < BatchSize * 200)
        {
            throw new InvalidOperationException("The benchmark frames do not encode as expected.");
        }
    }

    /// <summary>
    /// The usual client approach, for scale: a StringBuilder per line (reused), framework number formatting, then
    /// UTF-8 into the same buffer. It does no escaping and no validation, so it flatters itself.
    /// </summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = BatchSize)]
    public int StringBuilderBatch()
    {
        _output.ResetWrittenCount();
        foreach (Frame frame in _frames)
        {
            _line.Clear().Append(frame.Measurement);
            foreach (Tag tag in frame.Tags)
            {
                _line.Append(',').Append(tag.Key).Append('=').Append(tag.Value);
            }

            _line.Append(",source=").Append(frame.Source).Append(' ');
            foreach (Field field in frame.Fields)
            {
                _line.Append(field.Key).Append('=');
                _ = field.ValueCase switch
                {
                    Field.ValueOneofCase.DoubleValue => _line.Append(field.DoubleValue.ToString(CultureInfo.InvariantCulture)),
                    Field.ValueOneofCase.IntValue => _line.Append(field.IntValue).Append('i'),
                    Field.ValueOneofCase.BoolValue => _line.Append(field.BoolValue ? "true" : "false"),
                    _ => _line.Append('"').Append(field.StringValue).Append('"'),
                };
                _line.Append(',');
            }

            _line.Length--;
            _line.Append(' ').Append(frame.TimestampNs).Append('\n');
            string text = _line.ToString();
            _output.Advance(Encoding.UTF8.GetBytes(text, _output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length))));
        }

        return _output.WrittenCount;
    }

    /// <summary>
    /// The server's path: each frame as the serialized bytes it arrived in, encoded straight from the wire format
    /// into the reused buffer; reported per line.
    /// </summary>
    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int EncodeWireBatch()
    {
        _output.ResetWrittenCount();
        foreach (byte[] frame in _wireFrames)
        {
            _encoder.TryEncode(frame, _output, out _);
        }

        return _output.WrittenCount;
    }

    /// <summary>Encodes the frame objects (serialized first, then as <see cref="EncodeWireBatch"/>); reported per line.</summary>
    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int EncodeBatch()
    {
        _output.ResetWrittenCount();
        foreach (Frame frame in _frames)
        {
            _encoder.TryEncode(frame, _output, out _);
        }

        return _output.WrittenCount;
    }
}
