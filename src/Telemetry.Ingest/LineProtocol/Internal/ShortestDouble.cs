using System.Numerics;

namespace Telemetry.Ingest.LineProtocol.Internal;

/// <summary>
/// The shortest decimal that reads back as the same double, and of those the closest (ties to an even last digit):
/// Giulietti's Schubfach algorithm (2020), as Java's <c>Double.toString</c> has used it since JDK 19. One 126-bit
/// multiplication per bound and at most two candidate pairs, no digit-by-digit loop; it matches the framework's
/// shortest round-trip digits wherever those read back.
/// </summary>
internal static class ShortestDouble
{
    private const int MantissaBits = 52;
    private const int ExponentBias = 1075;
    private const int MinExponent = -1074;
    private const ulong HiddenBit = 1UL << MantissaBits;
    private const ulong Low63Bits = (1UL << 63) - 1;

    // The decimal exponents k the algorithm needs: floor(log10(2^q)) over every double's binary exponent q.
    private const int MinK = -324;
    private const int MaxK = 292;

    // g(k) = floor(10^-k x 2^-r) + 1, with r such that g has 126 bits: split 63 + 63 for the products.
    private static readonly (ulong High, ulong Low)[] Scales = BuildScales();

    /// <summary>
    /// Decomposes a finite, non-zero, positive double into <paramref name="digits"/> x 10^<paramref name="exponent"/>,
    /// with the fewest digits that round-trip and no trailing zeros.
    /// </summary>
    public static void Decompose(ulong bits, out ulong digits, out int exponent)
    {
        ulong fraction = bits & (HiddenBit - 1);
        int biased = (int)(bits >> MantissaBits) & 0x7FF;
        if (biased != 0)
        {
            ulong c = HiddenBit | fraction;
            int q = biased - ExponentBias;

            // Integers below 2^53 are their own shortest form.
            if (q is <= 0 and >= -MantissaBits && (c & ((1UL << -q) - 1)) == 0)
            {
                digits = c >> -q;
                exponent = 0;
            }
            else
            {
                Schubfach(q, c, out digits, out exponent);
            }
        }
        else if (fraction > 2)
        {
            Schubfach(MinExponent, fraction, out digits, out exponent);
        }
        else
        {
            // The two smallest subnormals are too short for the general case's precision: 5E-324 and 1E-323.
            (digits, exponent) = fraction == 1 ? (5UL, -324) : (1UL, -323);
        }

        RemoveTrailingZeros(ref digits, ref exponent);
    }

    /// <summary>v = c x 2^q; the decimal is returned as digits x 10^exponent, possibly with trailing zeros.</summary>
    private static void Schubfach(int q, ulong c, out ulong digits, out int exponent)
    {
        // The rounding interval of v, times 4: [cbl, cbr] (open when c is odd, as a reader rounds half to even).
        ulong open = c & 1;
        ulong cb = c << 2;
        ulong cbr = cb + 2;
        ulong cbl;
        int k;
        if (c != HiddenBit || q == MinExponent)
        {
            cbl = cb - 2;
            k = FloorLog10Pow2(q);
        }
        else
        {
            // At a power of two the gap below is half the gap above.
            cbl = cb - 1;
            k = FloorLog10ThreeQuartersPow2(q);
        }

        int h = q + FloorLog2Pow10(-k) + 2;
        (ulong g1, ulong g0) = Scales[k - MinK];

        // 4 x v x 10^-k and the interval's bounds at the same scale, rounded to odd.
        ulong vb = RoundToOdd(g1, g0, cb << h);
        ulong vbl = RoundToOdd(g1, g0, cbl << h);
        ulong vbr = RoundToOdd(g1, g0, cbr << h);

        // One digit fewer: the multiples of ten around v, if exactly one of them is inside the interval. (Java
        // tries this only from three digits up, as it always prints two; here it is tried for every s but the two
        // smallest subnormals', which have one digit.)
        ulong s = vb >> 2;
        if (s >= 10)
        {
            ulong sp10 = s / 10 * 10;
            ulong tp10 = sp10 + 10;
            bool lowerIn = vbl + open <= sp10 << 2;
            bool upperIn = (tp10 << 2) + open <= vbr;
            if (lowerIn != upperIn)
            {
                digits = lowerIn ? sp10 : tp10;
                exponent = k;
                return;
            }
        }

        ulong t = s + 1;
        bool sIn = vbl + open <= s << 2;
        bool tIn = (t << 2) + open <= vbr;
        exponent = k;
        if (sIn != tIn)
        {
            digits = sIn ? s : t;
            return;
        }

        // Both (or, by the algorithm's bounds, never neither) are in: the closer one, an even one on a tie.
        long toMidpoint = (long)(vb - ((s + t) << 1));
        digits = toMidpoint < 0 || (toMidpoint == 0 && (s & 1) == 0) ? s : t;
    }

    /// <summary>
    /// floor(g x cp / 2^127) with its last bit set when anything was cut off, for the 126-bit g = g1 x 2^63 + g0.
    /// </summary>
    private static ulong RoundToOdd(ulong g1, ulong g0, ulong cp)
    {
        ulong x1 = Math.BigMul(g0, cp, out _);
        ulong y1 = Math.BigMul(g1, cp, out ulong y0);
        ulong z = (y0 >> 1) + x1;
        ulong floor = y1 + (z >> 63);
        return floor | (((z & Low63Bits) + Low63Bits) >> 63);
    }

    private static void RemoveTrailingZeros(ref ulong digits, ref int exponent)
    {
        // At most 17 digits, so at most 16 zeros: strip 8 (twice at most), then 4, 2 and 1 at a time rather than
        // one division per zero.
        while (digits % 100_000_000 == 0)
        {
            digits /= 100_000_000;
            exponent += 8;
        }

        if (digits % 10_000 == 0)
        {
            digits /= 10_000;
            exponent += 4;
        }

        if (digits % 100 == 0)
        {
            digits /= 100;
            exponent += 2;
        }

        if (digits % 10 == 0)
        {
            digits /= 10;
            exponent++;
        }
    }

    // floor(q x log10(2)), floor(q x log10(2) + log10(3/4)) and floor(e x log2(10)) in integer arithmetic, exact
    // over the ranges used here.
    private static int FloorLog10Pow2(int q) => (int)((q * 661_971_961_083L) >> 41);

    private static int FloorLog10ThreeQuartersPow2(int q) => (int)(((q * 661_971_961_083L) - 274_743_187_321L) >> 41);

    private static int FloorLog2Pow10(int e) => (int)((e * 913_124_641_741L) >> 38);

    private static (ulong High, ulong Low)[] BuildScales()
    {
        var scales = new (ulong, ulong)[MaxK - MinK + 1];
        for (int k = MinK; k <= MaxK; k++)
        {
            // g = floor(10^-k / 2^r) + 1 with r = floor(-k x log2(10)) - 125, so that 2^125 <= g < 2^126.
            int e = -k;
            int r = FloorLog2Pow10(e) - 125;
            BigInteger g = e >= 0
                ? (r >= 0 ? BigInteger.Pow(10, e) >> r : BigInteger.Pow(10, e) << -r)
                : (BigInteger.One << -r) / BigInteger.Pow(10, -e);
            g += 1;
            scales[k - MinK] = ((ulong)(g >> 63), (ulong)(g & Low63Bits));
        }

        return scales;
    }
}
