using System.Globalization;
using Telemetry.Simulation.Core.Internal;

namespace Telemetry.Simulation.Ascent.Internal;

/// <summary>
/// One ascent: the step loop coupling propulsion, atmosphere, steering, the TVC loop, navigation and the termination
/// system, with the timeline. After a termination the flight is continued unseen (no events, no samples) to learn
/// whether the vehicle would have reached orbit or become dangerous.
/// </summary>
internal sealed class AscentRun
{
    // Flight control's navigation draws no noise; its stream is kept apart from the channels' all the same.
    private const ulong SteeringStream = 10;
    private const double RadToDeg = 180 / Math.PI;

    // The truth is checked for danger every few judgement cycles (5 Hz at the default 20 Hz): it only classifies the
    // run, and its impact points cost as much as the judgement itself.
    private const int HazardEvery = 4;

    // ... and its impact points (the fall integrated for every debris class) once a second.
    private const int HazardImpactEvery = 5;

    // How far below the target perigee the post-boost stage goes back to single steps: at least this far (m), and at
    // least this many judgement cycles of the perigee's last measured rise (it speeds up to about 1.6 km a cycle there).
    private const double ShutdownMarginM = 2_000;
    private const double ShutdownMarginCycles = 4;

    private readonly AscentScenario _s;
    private readonly int _seed;
    private readonly int _recordEvery;
    private readonly ExpectedProfile _expected;
    private readonly List<AscentEvent> _events = [];
    private readonly List<AscentSample> _trajectory;
    private readonly Air _air;
    private AftsDecision? _decision;

    // The osculating perigee while the post-boost stage burns, as Sequence last computed it, and its rate of rise.
    private double _perigeeM = double.NegativeInfinity;
    private double _perigeeTimeS = double.NaN;
    private double _perigeeRiseMps;

    public AscentRun(AscentScenario scenario, int seed, int recordEvery, ExpectedProfile expected)
    {
        _s = scenario;
        _seed = seed;
        _recordEvery = recordEvery;
        _expected = expected;
        _air = new Air(scenario);
        var steps = (int)Math.Min(scenario.MaxDurationS / scenario.StepS, 10_000_000);
        _trajectory = recordEvery > 0 ? new List<AscentSample>((steps / recordEvery) + 2) : [];
    }

    public AscentResult Run()
    {
        var sc = _s;
        var dt = sc.StepS;
        var frame = new LaunchFrame(sc.Launch);
        var normal = frame.Normal;
        var propulsion = new Propulsion(sc.Vehicle.Stages, ThrustScales(sc));
        var steering = new Steering(sc.Programme);
        var tvc = new Tvc(sc.Control, sc.Faults, dt);
        var nav = new NavigationModel(sc.Navigation, sc.Faults, Rng.For(_seed, SteeringStream), 0);
        var judges = new JudgementLog(sc, _seed, _expected, frame);
        var hazard = new HazardMonitor(sc, frame);
        var pad = frame.Pad;
        var state = new AscentState(pad, pad.Spin(), sc.Vehicle.LiftOffMassKg(), 0, 0, 0, 0);
        var cycleSteps = Math.Max(1, (int)Math.Round(sc.Afts.CycleS / dt));
        var maxSteps = (long)Math.Ceiling(sc.MaxDurationS / dt);
        var liftedOff = false;
        var fairing = sc.Vehicle.FairingKg > 0;
        var maxQ = 0.0;
        AscentOutcome? terminated = null;
        Add(0, AscentEventKind.Ignition, $"{propulsion.Stage.Name} ignition", state);

        var toCycle = cycleSteps;
        var toHazard = HazardEvery;
        var toImpact = HazardImpactEvery;
        var toRecord = _recordEvery;
        for (long k = 0; k < maxSteps;)
        {
            var t = k * dt;

            // An unpowered coast above the atmosphere is a Kepler arc with the attitude held by the reaction-control
            // system: it is stepped a whole judgement cycle at a time (never past a staging event).
            var n = liftedOff && !propulsion.Burning && state.AltitudeM >= Atmosphere.TopM
                ? (int)Math.Min(Math.Min(toCycle, propulsion.StepsToNextEvent(dt, state.RadialSpeedMps)), maxSteps - k)
                : 1;
            var h = n * dt;
            double thrust, sensed;
            (double Pitch, double Yaw) command, nozzle;
            AirSample air;
            if (liftedOff && n == 1 && toCycle > 1 && state.AltitudeM >= Atmosphere.TopM && propulsion.StepsToBurnOut(dt) > toCycle + 1
                && toCycle <= maxSteps - k && !NearShutdown(propulsion))
            {
                // A burn above the atmosphere: the attitude loop at its 10 ms step, the point mass a cycle at a time.
                n = toCycle;
                state = VacuumBurn.Fly(state, k, n, dt, propulsion, steering, tvc, nav, normal, out thrust, out command, out nozzle);
                (air, sensed) = (default, thrust / state.MassKg);
                k += n;
                state = Sequence(propulsion, StageChange.None, k * dt, state);
            }
            else
            {
                thrust = propulsion.Thrust(dt, out var massFlow);
                air = _air.At(state, t, normal);
                if (_decision is null)
                {
                    maxQ = Math.Max(maxQ, air.DynamicPressurePa);
                }

                var truth = new Kinematics(state.Position, state.Velocity, normal);
                var kin = new Kinematics(state.Position, nav.SteeringVelocity(state, truth.Down), normal);
                command = steering.Update(t, h, propulsion.Index, thrust / state.MassKg, kin);
                nozzle = thrust > 0
                    ? tvc.Update(t, propulsion.Index, state.PitchRad + nav.AttitudeBiasRad - command.Pitch, state.RateRadS, state.YawRad - command.Yaw, state.YawRateRadS)
                    : (0, 0);
                sensed = (thrust - air.DragN) / state.MassKg;
                if (!liftedOff && thrust / state.MassKg > Earth.Mu / (Earth.RadiusM * Earth.RadiusM))
                {
                    liftedOff = true;
                    Add(t, AscentEventKind.LiftOff, "Lift-off", state);
                }

                var stage = propulsion.Stage;
                var k2 = stage.RadiusOfGyrationM * stage.RadiusOfGyrationM;
                var inputs = new StepInputs(thrust, massFlow, nozzle.Pitch, nozzle.Yaw, air.DragFactor, air.MomentFactor / k2, stage.NozzleArmM / k2, air.WindMps, normal);
                if (!liftedOff)
                {
                    // On the pad: turning with the Earth.
                    var (sin, cos) = Math.SinCos(Earth.RotationRadS * h);
                    var p = state.Position;
                    var moved = new Vec3((p.X * cos) - (p.Y * sin), (p.X * sin) + (p.Y * cos), p.Z);
                    state = state with { Position = moved, Velocity = moved.Spin(), MassKg = state.MassKg - (massFlow * dt) };
                }
                else
                {
                    state = AscentDynamics.Step(state, inputs, h);
                }

                if (thrust == 0 && liftedOff)
                {
                    // Coasting, the reaction-control system holds the commanded attitude; it is not modelled further.
                    var now = new Kinematics(state.Position, state.Velocity, normal);
                    state = state with
                    {
                        PitchRad = command.Pitch, RateRadS = now.VDown / now.RadiusM, YawRad = command.Yaw, YawRateRadS = now.VLeft / now.RadiusM,
                    };
                }

                k += n;
                state = Sequence(propulsion, propulsion.Advance(h, massFlow, state.RadialSpeedMps), k * dt, state);
            }

            var time = k * dt;
            if (fairing && state.AltitudeM >= sc.Vehicle.FairingJettisonAltitudeM)
            {
                fairing = false;
                state = state with { MassKg = state.MassKg - sc.Vehicle.FairingKg };
                Add(time, AscentEventKind.FairingJettison, "Fairing jettisoned", state);
            }

            if ((toCycle -= n) == 0)
            {
                toCycle = cycleSteps;
                var down = new Kinematics(state.Position, state.Velocity, normal).Down;
                if (--toHazard == 0)
                {
                    toHazard = HazardEvery;
                    var impact = --toImpact == 0;
                    toImpact = impact ? HazardImpactEvery : toImpact;
                    if (hazard.Check(time, state, command.Pitch, command.Yaw, thrust > 0, impact) && _decision is null)
                    {
                        Add(time, AscentEventKind.Hazard, "Dangerous: " + hazard.Reason, state);
                    }
                }

                if (_decision is null && (_decision = judges.Cycle(time, state, command.Pitch, command.Yaw, sensed, down, _events)) is { } d)
                {
                    Record(time, state, command, nozzle, thrust, air, propulsion.Index, judges, frame);
                    terminated = new AscentOutcome(AscentOutcomeKind.Terminated, time, state.AltitudeM, state.SpeedMps,
                        frame.Ground(state.Position, time).DownrangeM, maxQ, d, new AscentTruth(false, false, null, null, null, null));
                }

                if (_decision is null && _recordEvery > 0 && (toRecord -= cycleSteps) <= 0)
                {
                    toRecord += _recordEvery;
                    Record(time, state, command, nozzle, thrust, air, propulsion.Index, judges, frame);
                }
            }

            if (liftedOff && state.AltitudeM < 0)
            {
                return Finish(AscentOutcomeKind.Impact, time, state, maxQ, hazard, terminated, null, "Struck the surface", frame);
            }

            if (propulsion.Done)
            {
                var (perigee, apogee) = Trajectory.Apsides(state.RadiusM, state.RadialSpeedMps, state.HorizontalSpeedMps);
                hazard.Check(time, state, command.Pitch, command.Yaw, thrusting: false, impact: true);
                var orbit = perigee >= sc.Programme.MinOrbitPerigeeM;
                var text = orbit
                    ? string.Create(CultureInfo.InvariantCulture, $"Orbit: perigee {perigee / 1000:F0} km, apogee {apogee / 1000:F0} km, inclination {Inclination(state):F1} deg")
                    : string.Create(CultureInfo.InvariantCulture, $"No thrust left on a trajectory that falls back: perigee {perigee / 1000:F0} km");
                return Finish(orbit ? AscentOutcomeKind.Orbit : AscentOutcomeKind.Impact, time, state, maxQ, hazard, terminated,
                    (perigee / 1000, apogee / 1000), text, frame);
            }
        }

        return Finish(AscentOutcomeKind.Timeout, sc.MaxDurationS, state, maxQ, hazard, terminated, null, "Timeout", frame);
    }

    /// <summary>Inclination of the osculating orbit (deg).</summary>
    internal static double Inclination(in AscentState s)
    {
        var h = Vec3.Cross(s.Position, s.Velocity);
        return Math.Acos(h.Z / h.Length) * RadToDeg;
    }

    // Near the post-boost stage's shutdown the perigee is checked every step, as the target is met within one; so is
    // the first step of its burn, before the perigee has been seen.
    private bool NearShutdown(Propulsion propulsion) =>
        propulsion.Stage.Kind == StageKind.Liquid
        && (double.IsNaN(_perigeeTimeS) || _perigeeM >= _s.Programme.TargetPerigeeM - Math.Max(ShutdownMarginM, ShutdownMarginCycles * _perigeeRiseMps * _s.Afts.CycleS));

    // Remembers the perigee and how fast it rises, for NearShutdown.
    private double TrackPerigee(double time, in AscentState s)
    {
        var perigee = Trajectory.Apsides(s.RadiusM, s.RadialSpeedMps, s.HorizontalSpeedMps).PerigeeM;
        if (time > _perigeeTimeS)
        {
            _perigeeRiseMps = (perigee - _perigeeM) / (time - _perigeeTimeS);
        }

        (_perigeeM, _perigeeTimeS) = (perigee, time);
        return perigee;
    }

    private static double[] ThrustScales(AscentScenario s)
    {
        var scales = new double[s.Vehicle.Stages.Count];
        Array.Fill(scales, 1.0);
        if (s.Faults.Thrust is { } shortfall)
        {
            scales[shortfall.Stage - 1] = shortfall.Fraction;
        }

        return scales;
    }

    private AscentState Sequence(Propulsion propulsion, StageChange change, double time, AscentState state)
    {
        var name = propulsion.Stage.Name;
        switch (change)
        {
            case StageChange.BurnOut:
                Add(time, AscentEventKind.BurnOut, $"{name} burn-out", state);
                return state;
            case StageChange.Separation:
                state = state with { MassKg = state.MassKg - propulsion.SeparatedMassKg() };
                Add(time, AscentEventKind.Separation, $"{name} separation", state);
                return state;
            case StageChange.Ignition:
                Add(time, AscentEventKind.Ignition, $"{name} ignition", state);
                return state;
            default:
                if (propulsion.Burning && propulsion.Stage.Kind == StageKind.Liquid && TrackPerigee(time, state) >= _s.Programme.TargetPerigeeM)
                {
                    propulsion.Shutdown();
                    Add(time, AscentEventKind.Shutdown, $"{name} shutdown at the target perigee", state);
                }

                return state;
        }
    }

    private AscentResult Finish(
        AscentOutcomeKind kind, double time, in AscentState state, double maxQ, HazardMonitor hazard, AscentOutcome? terminated,
        (double Perigee, double Apogee)? apsides, string text, LaunchFrame frame)
    {
        var end = kind switch
        {
            AscentOutcomeKind.Orbit => AscentEventKind.Orbit,
            AscentOutcomeKind.Impact => AscentEventKind.Impact,
            _ => AscentEventKind.Timeout,
        };
        Add(time, end, text, state);
        var truth = new AscentTruth(kind == AscentOutcomeKind.Orbit, hazard.TimeS is not null, hazard.TimeS, hazard.Reason,
            apsides?.Perigee, apsides?.Apogee, apsides is null ? null : Inclination(state));
        var outcome = terminated is not null
            ? terminated with { Truth = truth }
            : new AscentOutcome(kind, time, state.AltitudeM, state.SpeedMps, frame.Ground(state.Position, time).DownrangeM, maxQ, null, truth);
        return new AscentResult(_s, _seed, outcome, _events, _trajectory);
    }

    // Nothing after a termination is part of the flight as flown.
    private void Add(double time, AscentEventKind kind, string text, in AscentState s)
    {
        if (_decision is null)
        {
            _events.Add(new AscentEvent(time, kind, text, s.AltitudeM, s.SpeedMps));
        }
    }

    private void Record(
        double time, in AscentState s, (double Pitch, double Yaw) command, (double Pitch, double Yaw) nozzle, double thrust, in AirSample air,
        int stage, JudgementLog judges, LaunchFrame frame)
    {
        var a = judges.Judge(0);
        var nav = judges.Snapshot(0);
        var (downrange, crossrange) = frame.Ground(s.Position, time);
        var (lat, lon) = LaunchFrame.LatLon(s.Position, time);
        _trajectory.Add(new AscentSample(
            time, s.AltitudeM, downrange, crossrange, lat, lon, s.SpeedMps, s.GroundVelocity.Length, s.RadialSpeedMps, air.Mach,
            air.DynamicPressurePa, s.PitchRad * RadToDeg, command.Pitch * RadToDeg, s.RateRadS * RadToDeg, s.YawRad * RadToDeg,
            command.Yaw * RadToDeg, s.YawRateRadS * RadToDeg, nozzle.Pitch * RadToDeg, nozzle.Yaw * RadToDeg, thrust, s.MassKg, stage + 1,
            nav.Valid, nav.TotalAttitudeErrorDeg, nav.TotalRateDegPerS, nav.SensedAccelerationMps2, a.Reading(AftsRule.Performance).Value,
            a.IipEastKm, a.IipNorthKm, a.Reading(AftsRule.LimitLine).Value, a.Reading(AftsRule.ProtectedZone).Value,
            judges.State(0), judges.Count > 1 ? judges.State(1) : 0, judges.Vote));
    }
}
