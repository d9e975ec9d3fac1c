using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>
/// Writes a double in the layout of <c>double.TryFormat</c>'s default (scientific notation "1E-05", "1E+17" when the
/// decimal exponent is below -4 or above 16), with the digits of <see cref="ShortestDouble"/>. The framework's
/// digits are not always right: for some powers of two (e.g. 2^-958) they read back as the neighbouring double.
/// </summary>
internal static class DoubleFormat
{
    /// <summary>The longest output: "-1.2345678901234567E-308".</summary>
    public const int MaxBytes = 24;

    private const int MinFixedExponent = -4;
    private const int MaxFixedExponent = 16;

    private static ReadOnlySpan<byte> DigitPairs => "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    private static ReadOnlySpan<ulong> PowersOf10 =>
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ];

    /// <summary>Writes a finite <paramref name="value"/>; false (nothing written) when it does not fit or is not finite.</summary>
    [SkipLocalsInit]
    public static bool TryFormat(double value, Span<byte> destination, out int written)
    {
        written = 0;
        if (!double.IsFinite(value))
        {
            return false;
        }

        if (destination.Length >= MaxBytes)
        {
            written = Format(value, destination);
            return true;
        }

        // Near the end of a line's budget: format aside, then copy if it fits.
        Span<byte> scratch = stackalloc byte[MaxBytes];
        int length = Format(value, scratch);
        if (length > destination.Length)
        {
            return false;
        }

        scratch[..length].CopyTo(destination);
        written = length;
        return true;
    }

    private static int Format(double value, Span<byte> destination)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(value);
        int position = 0;
        if ((long)bits < 0)
        {
            destination[position++] = (byte)'-';
            bits &= long.MaxValue;
        }

        if (bits == 0)
        {
            destination[position] = (byte)'0';
            return position + 1;
        }

        ShortestDouble.Decompose(bits, out ulong digits, out int exponent);
        int length = DigitCount(digits);
        int scientific = exponent + length - 1;
        return position + (scientific is < MinFixedExponent or > MaxFixedExponent
            ? WriteScientific(destination[position..], digits, length, scientific)
            : WriteFixed(destination[position..], digits, length, exponent + length));
    }

    /// <summary>d[.ddd]E+XX with at least two exponent digits.</summary>
    private static int WriteScientific(Span<byte> destination, ulong digits, int length, int scientific)
    {
        int position = WritePointed(destination, digits, length, 1);
        destination[position++] = (byte)'E';
        destination[position++] = scientific < 0 ? (byte)'-' : (byte)'+';
        int magnitude = Math.Abs(scientific);
        int exponentLength = magnitude >= 100 ? 3 : 2;
        WriteDigits(destination.Slice(position, exponentLength), (ulong)magnitude);
        return position + exponentLength;
    }

    /// <summary>Plain decimal; <paramref name="integerDigits"/> is where the point falls (may be zero or negative).</summary>
    private static int WriteFixed(Span<byte> destination, ulong digits, int length, int integerDigits)
    {
        if (integerDigits <= 0)
        {
            int zeros = -integerDigits;
            destination[0] = (byte)'0';
            destination[1] = (byte)'.';
            destination.Slice(2, zeros).Fill((byte)'0');
            WriteDigits(destination.Slice(2 + zeros, length), digits);
            return 2 + zeros + length;
        }

        if (integerDigits >= length)
        {
            WriteDigits(destination[..length], digits);
            destination[length..integerDigits].Fill((byte)'0');
            return integerDigits;
        }

        return WritePointed(destination, digits, length, integerDigits);
    }

    /// <summary>The digits with a point after the first <paramref name="integerDigits"/> (none if nothing follows).</summary>
    private static int WritePointed(Span<byte> destination, ulong digits, int length, int integerDigits)
    {
        if (length == integerDigits)
        {
            WriteDigits(destination[..length], digits);
            return length;
        }

        // Digits go one place right, then the integer digits move back over where the point goes: cheaper than
        // splitting the number with a division by a variable power of ten.
        WriteDigits(destination.Slice(1, length), digits);
        for (int i = 0; i < integerDigits; i++)
        {
            destination[i] = destination[i + 1];
        }

        destination[integerDigits] = (byte)'.';
        return length + 1;
    }

    /// <summary>
    /// Writes <paramref name="value"/> right-aligned into exactly <paramref name="destination"/>, with leading zeros.
    /// Eight-digit chunks are split off first so that the digit pairs come from independent 32-bit arithmetic.
    /// </summary>
    private static void WriteDigits(Span<byte> destination, ulong value)
    {
        int position = destination.Length;
        while (position > 8)
        {
            ulong high = value / 100_000_000;
            WriteEight(destination.Slice(position - 8, 8), (uint)(value - (high * 100_000_000)));
            value = high;
            position -= 8;
        }

        uint rest = (uint)value;
        while (position >= 2)
        {
            uint high = rest / 100;
            WritePair(destination, position - 2, rest - (high * 100));
            rest = high;
            position -= 2;
        }

        if (position == 1)
        {
            destination[0] = (byte)('0' + rest);
        }
    }

    private static void WriteEight(Span<byte> destination, uint value)
    {
        uint high = value / 10_000;
        uint low = value - (high * 10_000);
        uint highPair = high / 100;
        uint lowPair = low / 100;
        WritePair(destination, 0, highPair);
        WritePair(destination, 2, high - (highPair * 100));
        WritePair(destination, 4, lowPair);
        WritePair(destination, 6, low - (lowPair * 100));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WritePair(Span<byte> destination, int offset, uint pair)
    {
        // One two-byte store per pair; callers keep offset + 2 within the span.
        Debug.Assert(offset >= 0 && offset + 2 <= destination.Length && pair < 100);
        ushort digits = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref MemoryMarshal.GetReference(DigitPairs), (int)pair * 2));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetReference(destination), offset), digits);
    }

    private static int DigitCount(ulong value)
    {
        int estimate = ((BitOperations.Log2(value) + 1) * 1233) >> 12;
        return estimate + 1 - (value < PowersOf10[estimate] ? 1 : 0);
    }
}
