namespace Telemetry.Simulation.Descent.Internal;

/// <summary>True thrust velocity increments (m/s) accumulated over an interval (s), as an IMU integrates them.</summary>
internal struct DeltaV
{
    public double Up;
    public double Along;
    public double IntervalS;

    public void Add(double up, double along, double dt)
    {
        Up += up;
        Along += along;
        IntervalS += dt;
    }
}
