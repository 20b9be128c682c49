using System;
using System.Collections.Generic;

namespace Embedding.Generated.Runtime.Tests.Training;

/// <summary>
/// Keras 3's update rules (<c>keras/src/optimizers/{sgd,rmsprop,adam,adagrad}.py</c>), one weight at a time in double:
/// the reference the optimizers are compared with. Written from the formulas, not from the runtime's code. Slots keep
/// Keras 3's names and signs (SGD's <c>momentum</c> holds <c>mu * m - lr * g</c>).
/// </summary>
public abstract class KerasOptimizerFormulas
{
    private readonly Dictionary<string, double[]> _slots = new(StringComparer.Ordinal);

    protected KerasOptimizerFormulas(int length) => Length = length;

    public int Length { get; }

    /// <summary>Keras's <c>iterations</c>: steps taken so far.</summary>
    public int Iterations { get; private set; }

    public IReadOnlyDictionary<string, double[]> Slots => _slots;

    public void Step(double[] weights, ReadOnlySpan<float> gradient)
    {
        Iterations++;
        for (int i = 0; i < Length; i++)
        {
            weights[i] = Update(i, weights[i], gradient[i], Iterations);
        }
    }

    /// <summary>One weight's step number <paramref name="t"/> (1 on the first step); returns the new weight.</summary>
    protected abstract double Update(int i, double w, double g, int t);

    protected double[] AddSlot(string name, double initial = 0)
    {
        var values = new double[Length];
        Array.Fill(values, initial);
        _slots.Add(name, values);
        return values;
    }

    /// <summary>SGD: <c>w -= lr * g</c>; with momentum <c>m = mu * m - lr * g</c>, then <c>w += m</c> or, Nesterov, <c>w += mu * m - lr * g</c>.</summary>
    public sealed class Sgd : KerasOptimizerFormulas
    {
        private readonly double _lr;
        private readonly double _mu;
        private readonly bool _nesterov;
        private readonly double[]? _m;

        public Sgd(int length, double lr, double momentum = 0, bool nesterov = false)
            : base(length)
        {
            (_lr, _mu, _nesterov) = (lr, momentum, nesterov);
            _m = momentum != 0 ? AddSlot("momentum") : null;
        }

        protected override double Update(int i, double w, double g, int t)
        {
            if (_m is null)
            {
                return w - (_lr * g);
            }

            _m[i] = (_mu * _m[i]) - (_lr * g);
            return _nesterov ? w + (_mu * _m[i]) - (_lr * g) : w + _m[i];
        }
    }

    /// <summary>
    /// RMSprop: <c>v = rho * v + (1 - rho) * g^2</c>; centered, <c>mg = rho * mg + (1 - rho) * g</c> and the divisor is
    /// <c>sqrt(v - mg^2 + eps)</c>, else <c>sqrt(v + eps)</c>; <c>inc = lr * g / divisor</c>; with momentum
    /// <c>mom = mu * mom + inc; w -= mom</c>, else <c>w -= inc</c>.
    /// </summary>
    public sealed class RmsProp : KerasOptimizerFormulas
    {
        private readonly double _lr, _rho, _mu, _epsilon;
        private readonly double[] _velocity;
        private readonly double[]? _momentum;
        private readonly double[]? _averageGradient;

        public RmsProp(int length, double lr, double rho = 0.9, double momentum = 0, double epsilon = 1e-7, bool centered = false)
            : base(length)
        {
            (_lr, _rho, _mu, _epsilon) = (lr, rho, momentum, epsilon);
            _velocity = AddSlot("velocity");
            _momentum = momentum > 0 ? AddSlot("momentum") : null;
            _averageGradient = centered ? AddSlot("average_gradient") : null;
        }

        protected override double Update(int i, double w, double g, int t)
        {
            _velocity[i] = (_rho * _velocity[i]) + ((1 - _rho) * g * g);
            double divisor;
            if (_averageGradient is not null)
            {
                _averageGradient[i] = (_rho * _averageGradient[i]) + ((1 - _rho) * g);
                divisor = Math.Sqrt(_velocity[i] - (_averageGradient[i] * _averageGradient[i]) + _epsilon);
            }
            else
            {
                divisor = Math.Sqrt(_velocity[i] + _epsilon);
            }

            double increment = _lr * g / divisor;
            if (_momentum is null)
            {
                return w - increment;
            }

            _momentum[i] = (_mu * _momentum[i]) + increment;
            return w - _momentum[i];
        }
    }

    /// <summary>
    /// Adam: <c>m += (g - m) * (1 - b1)</c>, <c>v += (g^2 - v) * (1 - b2)</c>, <c>alpha = lr * sqrt(1 - b2^t) / (1 - b1^t)</c>,
    /// <c>w -= alpha * m / (sqrt(v) + eps)</c>; AMSGrad uses <c>v_hat = max(v_hat, v)</c> for v. Keras takes the powers of
    /// the betas after casting them to the variable's dtype, float32; everything else here is double.
    /// </summary>
    public sealed class Adam : KerasOptimizerFormulas
    {
        private readonly double _lr, _beta1, _beta2, _epsilon;
        private readonly double[] _m, _v;
        private readonly double[]? _vHat;

        public Adam(int length, double lr, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7, bool amsgrad = false)
            : base(length)
        {
            (_lr, _beta1, _beta2, _epsilon) = (lr, beta1, beta2, epsilon);
            _m = AddSlot("momentum");
            _v = AddSlot("velocity");
            _vHat = amsgrad ? AddSlot("velocity_hat") : null;
        }

        protected override double Update(int i, double w, double g, int t)
        {
            double beta1Power = Math.Pow((float)_beta1, t);
            double beta2Power = Math.Pow((float)_beta2, t);
            double alpha = _lr * Math.Sqrt(1 - beta2Power) / (1 - beta1Power);
            _m[i] += (g - _m[i]) * (1 - _beta1);
            _v[i] += ((g * g) - _v[i]) * (1 - _beta2);
            double second = _v[i];
            if (_vHat is not null)
            {
                _vHat[i] = Math.Max(_vHat[i], _v[i]);
                second = _vHat[i];
            }

            return w - (alpha * _m[i] / (Math.Sqrt(second) + _epsilon));
        }
    }

    /// <summary>Adagrad: <c>acc += g^2</c> (from <c>initial_accumulator_value</c>), <c>w -= lr * g / sqrt(acc + eps)</c>.</summary>
    public sealed class Adagrad : KerasOptimizerFormulas
    {
        private readonly double _lr, _epsilon;
        private readonly double[] _accumulator;

        public Adagrad(int length, double lr, double initialAccumulatorValue = 0.1, double epsilon = 1e-7)
            : base(length)
        {
            (_lr, _epsilon) = (lr, epsilon);
            _accumulator = AddSlot("accumulator", initialAccumulatorValue);
        }

        protected override double Update(int i, double w, double g, int t)
        {
            _accumulator[i] += g * g;
            return w - (_lr * g / Math.Sqrt(_accumulator[i] + _epsilon));
        }
    }
}
