using System.Buffers;
using System.IO.Compression;
using System.Text.Unicode;
using Google.Protobuf;

namespace Telemetry.Server.Internal;

/// <summary>
/// Says where a FrameBatch that does not parse is broken: the first string that is not valid UTF-8, named by its
/// path (e.g. <c>frames[3].tags[1].value</c>), or the parser's own reason. Used only on failure paths.
/// </summary>
internal static class FrameBatchInspector
{
    /// <summary>Null when <paramref name="payload"/> parses; otherwise what is wrong with it.</summary>
    public static string? FindProblem(ReadOnlySequence<byte> payload)
    {
        try
        {
            Telemetry.Contracts.V1.FrameBatch.Parser.ParseFrom(payload);
            return null;
        }
        catch (InvalidProtocolBufferException e)
        {
            return Describe(payload.ToArray(), e);
        }
    }

    /// <summary>
    /// As <see cref="FindProblem"/> for a gzip or deflate message; null as well when it cannot be decompressed or
    /// expands past <paramref name="maxBytes"/> (gRPC then refuses it with its own status).
    /// </summary>
    public static string? FindProblemCompressed(ReadOnlySequence<byte> payload, string? encoding, int maxBytes)
    {
        if (encoding is not ("gzip" or "deflate"))
        {
            return null;
        }
        try
        {
            using var compressed = new MemoryStream(payload.ToArray());
            using Stream decompressor = encoding == "gzip"
                ? new GZipStream(compressed, CompressionMode.Decompress)
                : new ZLibStream(compressed, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = decompressor.Read(chunk)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    return null;
                }
                output.Write(chunk, 0, read);
            }
            return FindProblem(new ReadOnlySequence<byte>(output.GetBuffer(), 0, (int)output.Length));
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The reason for a message that failed to parse with <paramref name="error"/>.</summary>
    public static string Describe(byte[] payload, InvalidProtocolBufferException error)
    {
        try
        {
            if (FindInvalidUtf8(payload) is { } path)
            {
                return $"{path} is not valid UTF-8";
            }
        }
        catch (InvalidProtocolBufferException)
        {
        }
        return error.Message.TrimEnd('.');
    }

    // FrameBatch: 2 = frames. Frame: 1 source, 4 measurement, 5 tags (1 key, 2 value), 6 fields (1 key, 5 string_value).
    private static string? FindInvalidUtf8(byte[] batch)
    {
        var input = new CodedInputStream(batch);
        var frame = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag != 18)
            {
                input.SkipLastField();
                continue;
            }
            if (FindInFrame(input.ReadBytes().ToByteArray()) is { } path)
            {
                return $"frames[{frame}].{path}";
            }
            frame++;
        }
        return null;
    }

    private static string? FindInFrame(byte[] frame)
    {
        var input = new CodedInputStream(frame);
        int tags = 0, fields = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            string? found = tag switch
            {
                10 => Check(input, "source"),
                34 => Check(input, "measurement"),
                42 => FindInPair(input.ReadBytes().ToByteArray(), $"tags[{tags++}]", 10, "key", 18, "value"),
                50 => FindInPair(input.ReadBytes().ToByteArray(), $"fields[{fields++}]", 10, "key", 42, "string_value"),
                _ => Skip(input),
            };
            if (found is not null)
            {
                return found;
            }
        }
        return null;
    }

    private static string? FindInPair(byte[] message, string name, uint firstTag, string first, uint secondTag, string second)
    {
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var found = tag == firstTag ? Check(input, first) : tag == secondTag ? Check(input, second) : Skip(input);
            if (found is not null)
            {
                return $"{name}.{found}";
            }
        }
        return null;
    }

    private static string? Check(CodedInputStream input, string name) =>
        Utf8.IsValid(input.ReadBytes().Span) ? null : name;

    private static string? Skip(CodedInputStream input)
    {
        input.SkipLastField();
        return null;
    }
}
