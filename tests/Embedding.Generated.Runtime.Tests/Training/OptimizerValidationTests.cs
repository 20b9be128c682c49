using System;
using System.Globalization;
using Embedding.Generated.Optimizers;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Training;

/// <summary>Hyperparameters out of range are refused at construction, naming the argument and the value found.</summary>
public sealed class OptimizerValidationTests
{
    /// <summary>Bad learning rates and how the message must print them: as written, not widened to double.</summary>
    public static TheoryData<float, string> BadLearningRates => new()
    {
        { -0.01f, "-0.01" }, { -1e-7f, "-1E-07" }, { float.NaN, "NaN" }, { float.PositiveInfinity, "Infinity" }, { float.NegativeInfinity, "-Infinity" },
    };

    public static TheoryData<double> BadDecays => new() { -0.1, 1.0, 1.5, double.NaN, double.PositiveInfinity };

    public static TheoryData<double> BadEpsilons => new() { 0.0, -1e-7, double.NaN, double.PositiveInfinity };

    [Theory]
    [MemberData(nameof(BadLearningRates))]
    public void Every_optimizer_refuses_a_learning_rate_that_is_negative_or_not_finite_and_prints_it_as_the_float_it_is(float learningRate, string written)
    {
        AssertRefuses(() => new Sgd(learningRate), "LearningRate", written, learningRate);
        AssertRefuses(() => new RmsProp(learningRate), "LearningRate", written, learningRate);
        AssertRefuses(() => new Adam(learningRate), "LearningRate", written, learningRate);
        AssertRefuses(() => new Adagrad(learningRate), "LearningRate", written, learningRate);
    }

    [Theory]
    [MemberData(nameof(BadLearningRates))]
    public void Setting_a_bad_learning_rate_throws_and_keeps_the_old_one(float learningRate, string written)
    {
        var optimizer = new Adam(0.002f);

        AssertRefuses(() => optimizer.LearningRate = learningRate, "LearningRate", written, learningRate);
        Assert.Equal(0.002f, optimizer.LearningRate);
    }

    [Fact]
    public void A_learning_rate_of_zero_is_accepted_and_freezes_the_weights()
    {
        var optimizer = new Sgd(0f);
        float[] weights = [1f, -2f];

        optimizer.Step(weights, [5f, 5f]);

        Assert.Equal([1f, -2f], weights);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0000001)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void SGD_refuses_a_momentum_outside_0_to_1(double momentum)
    {
        AssertRefuses(() => new Sgd(momentum: momentum), "momentum", momentum);
    }

    [Fact]
    public void SGD_takes_a_momentum_of_1_as_Keras_3_does_and_then_never_decays_the_velocity()
    {
        // Keras 3: m = 1 * m - lr * g, w += m. With lr 0.5 and gradients 2, then 4: m = -1, w = 9; m = -3, w = 6.
        var optimizer = new Sgd(0.5f, momentum: 1);
        float[] weights = [10f];

        optimizer.Step(weights, [2f]);
        optimizer.Step(weights, [4f]);

        Assert.Equal(1, optimizer.Momentum);
        Assert.Equal([6f], weights);
        Assert.Equal([-3f], optimizer.GetSlot("momentum"));
    }

    [Theory]
    [MemberData(nameof(BadDecays))]
    public void RMSprop_refuses_a_rho_outside_0_to_1(double rho)
    {
        AssertRefuses(() => new RmsProp(rho: rho), "rho", rho);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void RMSprop_refuses_a_momentum_outside_0_to_1(double momentum)
    {
        AssertRefuses(() => new RmsProp(momentum: momentum), "momentum", momentum);
    }

    [Theory]
    [MemberData(nameof(BadEpsilons))]
    public void RMSprop_Adam_and_Adagrad_refuse_an_epsilon_that_is_not_positive_and_finite(double epsilon)
    {
        AssertRefuses(() => new RmsProp(epsilon: epsilon), "epsilon", epsilon);
        AssertRefuses(() => new Adam(epsilon: epsilon), "epsilon", epsilon);
        AssertRefuses(() => new Adagrad(epsilon: epsilon), "epsilon", epsilon);
    }

    [Theory]
    [MemberData(nameof(BadDecays))]
    public void Adam_refuses_betas_outside_0_to_1(double beta)
    {
        AssertRefuses(() => new Adam(beta1: beta), "beta1", beta);
        AssertRefuses(() => new Adam(beta2: beta), "beta2", beta);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Adagrad_refuses_an_initial_accumulator_value_that_is_negative_or_not_finite(double initial)
    {
        AssertRefuses(() => new Adagrad(initialAccumulatorValue: initial), "initialAccumulatorValue", initial);
    }

    [Fact]
    public void The_defaults_are_Keras_3s()
    {
        var sgd = new Sgd();
        var rmsProp = new RmsProp();
        var adam = new Adam();
        var adagrad = new Adagrad();

        Assert.Equal((0.01f, 0.0, false), (sgd.LearningRate, sgd.Momentum, sgd.Nesterov));
        Assert.Equal((0.001f, 0.9, 0.0, 1e-7, false), (rmsProp.LearningRate, rmsProp.Rho, rmsProp.Momentum, rmsProp.Epsilon, rmsProp.Centered));
        Assert.Equal((0.001f, 0.9, 0.999, 1e-7, false), (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Epsilon, adam.Amsgrad));
        Assert.Equal((0.001f, 0.1, 1e-7), (adagrad.LearningRate, adagrad.InitialAccumulatorValue, adagrad.Epsilon));
    }

    private static void AssertRefuses(Func<object> create, string name, double value) =>
        AssertRefuses(create, name, value.ToString(CultureInfo.InvariantCulture), value);

    private static void AssertRefuses(Func<object> create, string name, string written, object value)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(create);

        Assert.Equal(name, exception.ParamName);
        Assert.Equal(value, exception.ActualValue);

        // The optimizer's own sentence names the argument and the value; the framework appends the rest.
        string sentence = exception.Message[..exception.Message.IndexOf(" (Parameter", StringComparison.Ordinal)];
        Assert.Contains(name, sentence, StringComparison.Ordinal);
        Assert.EndsWith($"but is {written}.", sentence, StringComparison.Ordinal);
    }
}
