namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// A (navigated or true) state resolved on the local axes of the launch frame: radius, inertial and ground-relative
/// velocity components, as steering uses them.
/// </summary>
internal readonly struct Kinematics
{
    public Kinematics(in Vec3 position, in Vec3 velocity, in Vec3 normal)
    {
        RadiusM = position.Length;
        Up = position * (1 / RadiusM);
        var across = Vec3.Cross(normal, Up);
        Down = across * (1 / across.Length);
        Left = Vec3.Cross(Up, Down);
        (VUp, VDown, VLeft) = (Vec3.Dot(velocity, Up), Vec3.Dot(velocity, Down), Vec3.Dot(velocity, Left));
        var ground = velocity - position.Spin();
        (GUp, GDown, GLeft) = (Vec3.Dot(ground, Up), Vec3.Dot(ground, Down), Vec3.Dot(ground, Left));

    }

    public double RadiusM { get; }

    public Vec3 Up { get; }

    public Vec3 Down { get; }

    public Vec3 Left { get; }

    /// <summary>Inertial velocity along up, downrange and left (m/s).</summary>
    public double VUp { get; }

    public double VDown { get; }

    public double VLeft { get; }

    /// <summary>Ground-relative velocity along up, downrange and left (m/s).</summary>
    public double GUp { get; }

    public double GDown { get; }

    public double GLeft { get; }

    /// <summary>Inertial horizontal speed (m/s).</summary>
    public double HorizontalSpeedMps => Math.Sqrt((VDown * VDown) + (VLeft * VLeft));
}
