using Telemetry.Simulation.Core.Internal;

namespace Telemetry.Simulation.Descent.Internal;

/// <summary>
/// One descent: the step loop that couples truth (dynamics, terrain), sensors, navigation and guidance,
/// and records the timeline. Nothing here allocates per step unless a trajectory is recorded.
/// </summary>
internal sealed class DescentRun
{
    private const ulong ImuStream = 1;
    private const ulong LrfStream = 2;

    private readonly Scenario _scenario;
    private readonly int _seed;
    private readonly int _recordEvery;
    private readonly Terrain _terrain;
    private readonly Timeline _timeline;
    private readonly List<TrajectorySample> _trajectory;

    public DescentRun(Scenario scenario, int seed, int recordEvery)
    {
        _scenario = scenario;
        _seed = seed;
        _recordEvery = recordEvery;
        _terrain = new Terrain(scenario.Terrain);
        _timeline = new Timeline(scenario.AltitudeCrossingsM, scenario.Reference);
        var steps = (int)Math.Min(scenario.MaxDurationS / scenario.StepS, 10_000_000);
        _trajectory = recordEvery > 0 ? new List<TrajectorySample>((steps / recordEvery) + 2) : [];
    }

    public DescentResult Run()
    {
        var sc = _scenario;
        var v = sc.Vehicle;
        var dt = sc.StepS;
        var exhaust = v.IspS * Moon.G0;
        var datum = _terrain.HeightAt(0);
        var flat = _terrain.IsFlat;
        var state = new BodyState(
            Moon.RadiusM + datum + sc.Initial.AltitudeM, 0, -sc.Initial.DescentRateMps,
            sc.Initial.HorizontalSpeedMps, v.DryMassKg + v.PropellantKg);
        var nav = new Navigator(sc.Navigation, sc.Initial.AltitudeM, state.RadialSpeedMps, state.TangentialSpeedMps, datum);
        var imu = new Imu(sc.Imu, Rng.For(_seed, ImuStream));
        var lrf = new Lrf(sc.Lrf, Rng.For(_seed, LrfStream));
        var guidance = new GuidanceComputer(sc);
        var cycleSteps = Math.Max(1, (int)Math.Round(sc.Guidance.CycleS / dt));
        var lrfSteps = Math.Max(1, (int)Math.Round(1 / (sc.Lrf.RateHz * dt)));
        var maxSteps = (long)Math.Ceiling(sc.MaxDurationS / dt);

        var propellantOut = v.PropellantKg <= 0;
        double? engineLossDownrange = null;
        double? propellantOutAltitude = null;
        var lrfValid = false;
        var lrfRange = 0.0;
        var altitude = sc.Initial.AltitudeM;
        var time = 0.0;
        var thrust = 0.0;
        var throttle = double.NaN;
        var maxThrottleChange = v.ThrottleRatePerS * dt;
        var maxThrust = v.MaxThrustN;
        var (tiltSin, tiltCos) = (0.0, 1.0);
        var deltaV = default(DeltaV);
        _timeline.Add(0, TimelineEventKind.PhaseChange, "Braking: E-guidance to the approach gate", altitude, nav.AltitudeM, state);
        if (propellantOut)
        {
            guidance.End(GuidancePhase.FreeFall);
        }

        // Countdowns rather than k % n: a 64-bit division per step and per rate costs more than the guidance.
        var toCycle = 0;
        var toLrf = lrfSteps;
        var toRecord = _recordEvery;
        for (long k = 0; k < maxSteps; k++)
        {
            if (--toCycle <= 0 && !propellantOut)
            {
                toCycle = cycleSteps;
                SyncNavigation(ref nav, ref imu, ref deltaV);
                var before = guidance.Phase;
                if (guidance.Cycle(nav, state.MassKg, time))
                {
                    _timeline.PhaseChanged(time, before, guidance.Phase, altitude, nav.AltitudeM, state);
                    if (guidance.Phase == GuidancePhase.LandingBurn && guidance.LrfDeclaredSilent)
                    {
                        _timeline.Add(time, TimelineEventKind.LrfSilent, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                            $"LRF silent: no return by the landing burn; low gate raised to {sc.Guidance.SilentLrfLowGateAltitudeM:F0} m"),
                            altitude, nav.AltitudeM, state);
                    }
                }
            }

            // The engine follows the command at a limited rate; it ignites at the first command.
            throttle = double.IsNaN(throttle)
                ? guidance.Throttle
                : throttle + Math.Clamp(guidance.Throttle - throttle, -maxThrottleChange, maxThrottleChange);
            thrust = propellantOut ? 0 : throttle * maxThrust;
            var accel = thrust / state.MassKg;
            var previous = state;
            var previousAltitude = altitude;
            var previousEstimate = Estimate(nav, deltaV);

            // After an engine loss the thrust leans by the tilt the attitude control holds.
            var up = (guidance.UpComponent * tiltCos) - (guidance.AlongComponent * tiltSin);
            var along = (guidance.AlongComponent * tiltCos) + (guidance.UpComponent * tiltSin);
            state = Dynamics.Step(previous, thrust, up, along, exhaust, v.DryMassKg, Moon.Mu, dt, out var burnOut);
            time = (k + 1) * dt;
            deltaV.Add(accel * up * dt, accel * along * dt, dt);
            altitude = state.RadiusM - Moon.RadiusM - (flat ? 0 : _terrain.HeightAt(state.DownrangeM));

            if (burnOut)
            {
                propellantOut = true;
                propellantOutAltitude = altitude;
                _timeline.Add(time, TimelineEventKind.PropellantOut, "Propellant exhausted: engine off", altitude, Estimate(nav, deltaV), state);
                var before = guidance.Phase;
                guidance.End(GuidancePhase.FreeFall);
                _timeline.PhaseChanged(time, before, GuidancePhase.FreeFall, altitude, Estimate(nav, deltaV), state);
            }

            if (sc.EngineLoss is { } loss && engineLossDownrange is null && altitude <= loss.AtAltitudeM)
            {
                engineLossDownrange = state.DownrangeM;
                maxThrust = v.MaxThrustN * (v.EngineCount - 1) / v.EngineCount;
                (tiltSin, tiltCos) = Math.SinCos(loss.ThrustTiltDeg * (Math.PI / 180));
                guidance.LoseEngine(maxThrust);
                _timeline.Add(time, TimelineEventKind.EngineLost, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"Main engine lost: {v.EngineCount - 1} of {v.EngineCount} left, thrust leaning {loss.ThrustTiltDeg:F1} deg"),
                    altitude, Estimate(nav, deltaV), state);
            }

            if (altitude <= _timeline.NextCrossingM)
            {
                _timeline.CheckCrossings(time - dt, dt, previousAltitude, altitude, previousEstimate, Estimate(nav, deltaV), previous, state);
            }

            if (altitude <= 0)
            {
                var contact = Contact(time - dt, dt, previousAltitude, altitude, previous, state, propellantOutAltitude,
                    previousEstimate, Estimate(nav, deltaV), ref guidance, out var contactState, out var contactEstimate)
                    with { EngineLossDownrangeM = engineLossDownrange };

                // The trajectory ends with the contact itself, not with the last recorded step before it.
                if (_recordEvery > 0)
                {
                    Record(contact.TimeS, 0, contactEstimate, nav.LrfLatched, contactState, thrust, guidance, lrfValid, lrfRange);
                }

                return Finish(contact);
            }

            if (--toLrf == 0)
            {
                toLrf = lrfSteps;
                lrfValid = lrf.Measure(time, altitude, out lrfRange);
                if (lrfValid)
                {
                    SyncNavigation(ref nav, ref imu, ref deltaV);
                    _timeline.LrfReturn(time, lrfRange, altitude, nav.AltitudeM, state);
                    _timeline.NavigationUpdate(nav.UpdateAltitude(lrfRange), time, lrfRange, altitude, nav.AltitudeM, state);
                }
            }

            if (--toRecord == 0)
            {
                toRecord = _recordEvery;
                Record(time, altitude, Estimate(nav, deltaV), nav.LrfLatched, state, thrust, guidance, lrfValid, lrfRange);
            }
        }

        if (_recordEvery > 0 && toRecord != _recordEvery)
        {
            Record(time, altitude, Estimate(nav, deltaV), nav.LrfLatched, state, thrust, guidance, lrfValid, lrfRange);
        }

        var end = new Outcome(OutcomeKind.Timeout, time, -state.RadialSpeedMps, Math.Abs(state.TangentialSpeedMps),
            state.MassKg - v.DryMassKg, state.DownrangeM, propellantOutAltitude.HasValue, propellantOutAltitude, FailureCause.Timeout,
            engineLossDownrange);
        return Finish(end);
    }

    // What navigation would say now: its last altitude carried forward at its vertical speed.
    private static double Estimate(in Navigator nav, in DeltaV pending) =>
        nav.AltitudeM + (nav.VerticalSpeedMps * pending.IntervalS);

    // Navigation runs when guidance or the LRF needs it, on the IMU's Δv accumulated since its last run.
    private static void SyncNavigation(ref Navigator nav, ref Imu imu, ref DeltaV deltaV)
    {
        if (deltaV.IntervalS > 0)
        {
            imu.Measure(deltaV.Up, deltaV.Along, deltaV.IntervalS, out var up, out var along);
            nav.Propagate(up, along, deltaV.IntervalS);
            deltaV = default;
        }
    }

    private Outcome Contact(
        double t0, double dt, double h0, double h1, in BodyState s0, in BodyState s1, double? propellantOutAltitude,
        double estimate0, double estimate1, ref GuidanceComputer guidance, out BodyState contactState, out double estimate)
    {
        // Interpolate back to the instant of contact inside the step.
        var f = h0 > h1 ? h0 / (h0 - h1) : 1;
        var time = t0 + (f * dt);
        var descent = -(s0.RadialSpeedMps + (f * (s1.RadialSpeedMps - s0.RadialSpeedMps)));
        var horizontal = Math.Abs(s0.TangentialSpeedMps + (f * (s1.TangentialSpeedMps - s0.TangentialSpeedMps)));
        estimate = estimate0 + (f * (estimate1 - estimate0));
        var limits = _scenario.Touchdown;
        var soft = descent <= limits.MaxVerticalSpeedMps && horizontal <= limits.MaxHorizontalSpeedMps;
        var downrange = s0.DownrangeM + (f * (s1.DownrangeM - s0.DownrangeM));

        // Mass of the same instant as time and speeds: the step's propellant flow only up to the contact.
        var mass = s0.MassKg + (f * (s1.MassKg - s0.MassKg));
        contactState = s1 with
        {
            AngleRad = downrange / Moon.RadiusM, RadialSpeedMps = -descent, TangentialSpeedMps = horizontal, MassKg = mass,
        };
        var before = guidance.Phase;
        guidance.End(GuidancePhase.Landed);
        _timeline.PhaseChanged(time, before, GuidancePhase.Landed, 0, estimate, contactState);
        _timeline.Add(time, soft ? TimelineEventKind.Touchdown : TimelineEventKind.Impact,
            soft ? $"Touchdown at {descent:F2} m/s down, {horizontal:F2} m/s across"
                 : $"Impact at {descent:F1} m/s down, {horizontal:F1} m/s across",
            0, estimate, contactState);
        var exhausted = propellantOutAltitude.HasValue;
        return new Outcome(soft ? OutcomeKind.SoftTouchdown : OutcomeKind.HardImpact, time, descent, horizontal,
            mass - _scenario.Vehicle.DryMassKg, downrange, exhausted, propellantOutAltitude,
            FailureCauses.Classify(contact: true, descent, horizontal, exhausted, limits));
    }

    private DescentResult Finish(Outcome outcome) =>
        new(_scenario, _seed, outcome, _timeline.Events, _trajectory);

    private void Record(
        double time, double altitude, double estimate, bool lrfLatched, in BodyState s, double thrust,
        in GuidanceComputer g, bool lrfValid, double lrfRange)
    {
        var pitch = thrust > 0 ? Math.Atan2(-g.AlongComponent, g.UpComponent) * (180 / Math.PI) : 0;
        _trajectory.Add(new TrajectorySample(
            time, altitude, estimate, -s.RadialSpeedMps, Math.Abs(s.TangentialSpeedMps), s.DownrangeM, thrust,
            thrust / _scenario.Vehicle.MaxThrustN, pitch, s.MassKg, s.MassKg - _scenario.Vehicle.DryMassKg, lrfValid,
            lrfValid ? lrfRange : null, lrfLatched, g.Phase));
    }
}
