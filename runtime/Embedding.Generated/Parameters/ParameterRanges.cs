namespace Embedding.Generated.Parameters;

/// <summary>
/// The one description of what the runtime's initializers, regularizers, constraints and optimizers accept: per
/// component, each checked constructor parameter's name and range, and the pair that must be in order.
/// </summary>
/// <remarks>
/// Shared source, as the Regex generator links the runtime's parser: the runtime's constructors check their arguments
/// against it (through <c>NumberGuard</c>), and the file is linked into the generator, whose EMB008 reports a constant
/// argument out of these ranges at build time, and whose EMB011 finds the norm constraints by their axis parameter.
/// A parameter's name here is the constructor's, since the analyzer matches arguments by it.
/// </remarks>
internal static class ParameterRanges
{
    private const string Initializers = "Embedding.Generated.Initializers.";
    private const string Regularizers = "Embedding.Generated.Regularizers.";
    private const string Constraints = "Embedding.Generated.Constraints.";
    private const string Optimizers = "Embedding.Generated.Optimizers.";

    /// <summary>Every described component.</summary>
    public static ComponentRanges[] All { get; } =
    [
        RandomUniform.Component, RandomNormal.Component, TruncatedNormal.Component, VarianceScaling.Component,
        Orthogonal.Component, Identity.Component, Constant.Component,
        L1.Component, L2.Component, L1L2.Component,
        MaxNorm.Component, UnitNorm.Component, MinMaxNorm.Component,
        Sgd.Component, RmsProp.Component, Adam.Component, Adagrad.Component,
    ];

    /// <summary><c>RandomUniform(minval, maxval)</c>.</summary>
    public static class RandomUniform
    {
        public static readonly ParameterRange Minval = new("minval", NumberRange.AnyFinite);
        public static readonly ParameterRange Maxval = new("maxval", NumberRange.AnyFinite);
        public static readonly ComponentRanges Component = new(Initializers + "RandomUniform", [Minval, Maxval], new(Minval, Maxval));
    }

    /// <summary>The mean and deviation of <c>RandomNormal</c> and <c>TruncatedNormal</c>.</summary>
    public static class Normal
    {
        public static readonly ParameterRange Mean = new("mean", NumberRange.AnyFinite);
        public static readonly ParameterRange Stddev = new("stddev", NumberRange.AtLeast(0));
    }

    /// <summary><c>RandomNormal(mean, stddev)</c>.</summary>
    public static class RandomNormal
    {
        public static readonly ComponentRanges Component = new(Initializers + "RandomNormal", [Normal.Mean, Normal.Stddev]);
    }

    /// <summary><c>TruncatedNormal(mean, stddev)</c>.</summary>
    public static class TruncatedNormal
    {
        public static readonly ComponentRanges Component = new(Initializers + "TruncatedNormal", [Normal.Mean, Normal.Stddev]);
    }

    /// <summary><c>VarianceScaling(scale, ...)</c>.</summary>
    public static class VarianceScaling
    {
        public static readonly ParameterRange Scale = new("scale", NumberRange.GreaterThan(0));
        public static readonly ComponentRanges Component = new(Initializers + "VarianceScaling", [Scale]);
    }

    /// <summary>The gain of <c>Orthogonal</c> and <c>Identity</c>.</summary>
    public static class Gain
    {
        public static readonly ParameterRange Value = new("gain", NumberRange.AnyFinite);
    }

    /// <summary><c>Orthogonal(gain)</c>.</summary>
    public static class Orthogonal
    {
        public static readonly ComponentRanges Component = new(Initializers + "Orthogonal", [Gain.Value]);
    }

    /// <summary><c>Identity(gain)</c>.</summary>
    public static class Identity
    {
        public static readonly ComponentRanges Component = new(Initializers + "Identity", [Gain.Value]);
    }

    /// <summary><c>Constant(value)</c>.</summary>
    public static class Constant
    {
        public static readonly ParameterRange Value = new("value", NumberRange.AnyFinite);
        public static readonly ComponentRanges Component = new(Initializers + "Constant", [Value]);
    }

    /// <summary><c>L1L2(l1, l2)</c>; <c>L1</c> and <c>L2</c> pass theirs on to it.</summary>
    public static class L1L2
    {
        public static readonly ParameterRange L1 = new("l1", NumberRange.AtLeast(0));
        public static readonly ParameterRange L2 = new("l2", NumberRange.AtLeast(0));
        public static readonly ComponentRanges Component = new(Regularizers + "L1L2", [L1, L2]);
    }

    /// <summary><c>L1(l1)</c>.</summary>
    public static class L1
    {
        public static readonly ComponentRanges Component = new(Regularizers + "L1", [L1L2.L1]);
    }

    /// <summary><c>L2(l2)</c>.</summary>
    public static class L2
    {
        public static readonly ComponentRanges Component = new(Regularizers + "L2", [L1L2.L2]);
    }

    /// <summary>The parameters every norm constraint has.</summary>
    public static class NormConstraint
    {
        /// <summary>The axis of a 2-D table, 1 and -1 being the same; the integers of [-1, 1].</summary>
        public static readonly ParameterRange Axis = new(
            "axis", NumberRange.Closed(-1, 1).DescribedAs("0 (columns, across the vocabulary), 1 or -1 (each token's vector)"));
    }

    /// <summary><c>MaxNorm(maxValue, axis)</c>.</summary>
    public static class MaxNorm
    {
        public static readonly ParameterRange MaxValue = new("maxValue", NumberRange.AtLeast(0));
        public static readonly ComponentRanges Component = new(Constraints + "MaxNorm", [MaxValue, NormConstraint.Axis]);
    }

    /// <summary><c>UnitNorm(axis)</c>.</summary>
    public static class UnitNorm
    {
        public static readonly ComponentRanges Component = new(Constraints + "UnitNorm", [NormConstraint.Axis]);
    }

    /// <summary><c>MinMaxNorm(minValue, maxValue, rate, axis)</c>.</summary>
    public static class MinMaxNorm
    {
        public static readonly ParameterRange MinValue = new("minValue", NumberRange.AtLeast(0));
        public static readonly ParameterRange MaxValue = new("maxValue", NumberRange.AtLeast(0));
        public static readonly ParameterRange Rate = new("rate", NumberRange.Closed(0, 1));
        public static readonly ComponentRanges Component = new(
            Constraints + "MinMaxNorm", [MinValue, MaxValue, Rate, NormConstraint.Axis], new(MinValue, MaxValue));
    }

    /// <summary>The parameters every optimizer has.</summary>
    public static class Optimizer
    {
        public static readonly ParameterRange LearningRate = new("learningRate", NumberRange.AtLeast(0));

        /// <summary>Added to a divisor, so it must keep it away from 0.</summary>
        public static readonly ParameterRange Epsilon = new("epsilon", NumberRange.GreaterThan(0));
    }

    /// <summary><c>Sgd(learningRate, momentum)</c>.</summary>
    public static class Sgd
    {
        /// <summary>Keras 3 allows 1: the velocity then never decays.</summary>
        public static readonly ParameterRange Momentum = new("momentum", NumberRange.Closed(0, 1));
        public static readonly ComponentRanges Component = new(Optimizers + "Sgd", [Optimizer.LearningRate, Momentum]);
    }

    /// <summary><c>RmsProp(learningRate, rho, momentum, epsilon)</c>.</summary>
    public static class RmsProp
    {
        /// <summary>A decay rate: 1 would freeze the running average.</summary>
        public static readonly ParameterRange Rho = new("rho", NumberRange.HalfOpen(0, 1));
        public static readonly ParameterRange Momentum = new("momentum", NumberRange.HalfOpen(0, 1));
        public static readonly ComponentRanges Component = new(
            Optimizers + "RmsProp", [Optimizer.LearningRate, Rho, Momentum, Optimizer.Epsilon]);
    }

    /// <summary><c>Adam(learningRate, beta1, beta2, epsilon)</c>.</summary>
    public static class Adam
    {
        /// <summary>Decay rates: at 1 the bias correction divides by 0.</summary>
        public static readonly ParameterRange Beta1 = new("beta1", NumberRange.HalfOpen(0, 1));
        public static readonly ParameterRange Beta2 = new("beta2", NumberRange.HalfOpen(0, 1));
        public static readonly ComponentRanges Component = new(
            Optimizers + "Adam", [Optimizer.LearningRate, Beta1, Beta2, Optimizer.Epsilon]);
    }

    /// <summary><c>Adagrad(learningRate, initialAccumulatorValue, epsilon)</c>.</summary>
    public static class Adagrad
    {
        public static readonly ParameterRange InitialAccumulatorValue = new("initialAccumulatorValue", NumberRange.AtLeast(0));
        public static readonly ComponentRanges Component = new(
            Optimizers + "Adagrad", [Optimizer.LearningRate, InitialAccumulatorValue, Optimizer.Epsilon]);
    }
}
