using System.Runtime.CompilerServices;
using Telemetry.Simulation.Ascent.Internal;

namespace Telemetry.Simulation.Ascent;

/// <summary>A vector of three doubles in the Earth-centred inertial frame (Z along the Earth's axis; m, m/s or unit).</summary>
/// <param name="X">X component.</param>
/// <param name="Y">Y component.</param>
/// <param name="Z">Z component.</param>
public readonly record struct Vec3(double X, double Y, double Z)
{
    /// <summary>Length.</summary>
    public double Length => Math.Sqrt((X * X) + (Y * Y) + (Z * Z));

    /// <summary>This over its length.</summary>
    public Vec3 Unit => this * (1 / Length);

    /// <summary>Sum.</summary>
    public static Vec3 operator +(in Vec3 a, in Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    /// <summary>Difference.</summary>
    public static Vec3 operator -(in Vec3 a, in Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    /// <summary>Negation.</summary>
    public static Vec3 operator -(in Vec3 a) => new(-a.X, -a.Y, -a.Z);

    /// <summary>Scaling.</summary>
    public static Vec3 operator *(in Vec3 a, double k) => new(a.X * k, a.Y * k, a.Z * k);

    /// <summary>Scaling.</summary>
    public static Vec3 operator *(double k, in Vec3 a) => new(a.X * k, a.Y * k, a.Z * k);

    /// <summary>Dot product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(in Vec3 a, in Vec3 b) => (a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z);

    /// <summary>Cross product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 Cross(in Vec3 a, in Vec3 b) => new((a.Y * b.Z) - (a.Z * b.Y), (a.Z * b.X) - (a.X * b.Z), (a.X * b.Y) - (a.Y * b.X));

    /// <summary>The velocity (m/s) of the ground at this position (m): the Earth's rotation ω × r.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec3 Spin() => new(-Earth.RotationRadS * Y, Earth.RotationRadS * X, 0);
}
