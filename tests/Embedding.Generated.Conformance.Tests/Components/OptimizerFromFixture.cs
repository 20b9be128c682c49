using System.Text.Json;
using Embedding.Generated.Conformance.Tests.Fixtures;
using Embedding.Generated.Optimizers;
using Xunit;
using Xunit.Sdk;

namespace Embedding.Generated.Conformance.Tests.Components;

/// <summary>
/// The runtime optimizer for a <c>train_step</c> case's <c>{name, params}</c>. Params use Keras 3's names; one the case
/// leaves out takes the runtime's own default, and <see cref="RequireKeras3Parameters"/> then checks every value in
/// use against the Keras 3 values the oracle lists, so a wrong default fails the case.
/// </summary>
internal static class OptimizerFromFixture
{
    public static Optimizer Create(JsonElement optimizer)
    {
        string name = optimizer.String("name");
        JsonElement parameters = optimizer.Field("params");
        float? Float(string parameter) => (float?)parameters.OptionalDouble(parameter);
        // Hyperparameters other than the learning rate are Python floats in Keras: passed as doubles, not rounded.
        double? Double(string parameter) => parameters.OptionalDouble(parameter);
        bool? Bool(string parameter) => parameters.OptionalField(parameter)?.GetBoolean();

        switch (name)
        {
            case "sgd":
                var sgdDefaults = new Sgd();
                return new Sgd(Float("learning_rate") ?? sgdDefaults.LearningRate, Double("momentum") ?? sgdDefaults.Momentum, Bool("nesterov") ?? sgdDefaults.Nesterov);
            case "rmsprop":
                var rmsPropDefaults = new RmsProp();
                return new RmsProp(
                    Float("learning_rate") ?? rmsPropDefaults.LearningRate,
                    Double("rho") ?? rmsPropDefaults.Rho,
                    Double("momentum") ?? rmsPropDefaults.Momentum,
                    Double("epsilon") ?? rmsPropDefaults.Epsilon,
                    Bool("centered") ?? rmsPropDefaults.Centered);
            case "adam":
                var adamDefaults = new Adam();
                return new Adam(
                    Float("learning_rate") ?? adamDefaults.LearningRate,
                    Double("beta_1") ?? adamDefaults.Beta1,
                    Double("beta_2") ?? adamDefaults.Beta2,
                    Double("epsilon") ?? adamDefaults.Epsilon,
                    Bool("amsgrad") ?? adamDefaults.Amsgrad);
            case "adagrad":
                var adagradDefaults = new Adagrad();
                return new Adagrad(
                    Float("learning_rate") ?? adagradDefaults.LearningRate,
                    Double("initial_accumulator_value") ?? adagradDefaults.InitialAccumulatorValue,
                    Double("epsilon") ?? adagradDefaults.Epsilon);
            default:
                throw new XunitException($"The harness knows no optimizer '{name}' (known: sgd, rmsprop, adam, adagrad).");
        }
    }

    /// <summary>
    /// Every hyperparameter of <paramref name="optimizer"/> equals the Keras 3 value the oracle used: the learning rate as
    /// float32 (Keras keeps it in a float32 variable), the others exactly (Keras keeps them as Python floats).
    /// </summary>
    public static void RequireKeras3Parameters(Optimizer optimizer, JsonElement keras3Params)
    {
        void Same(string parameter, double actual) =>
            Assert.True(
                keras3Params.Double(parameter) == actual,
                $"{optimizer.GetType().Name}'s {parameter} is {actual:R}; Keras 3 (and the oracle) used {keras3Params.Double(parameter):R}.");
        void SameFlag(string parameter, bool actual) =>
            Assert.True(
                keras3Params.Bool(parameter) == actual,
                $"{optimizer.GetType().Name}'s {parameter} is {actual}; Keras 3 (and the oracle) used {keras3Params.Bool(parameter)}.");

        Assert.True(
            (float)keras3Params.Double("learning_rate") == optimizer.LearningRate,
            $"{optimizer.GetType().Name}'s learning_rate is {optimizer.LearningRate:R}; Keras 3 (and the oracle) used {keras3Params.Double("learning_rate"):R}.");
        switch (optimizer)
        {
            case Sgd sgd:
                Same("momentum", sgd.Momentum);
                SameFlag("nesterov", sgd.Nesterov);
                break;
            case RmsProp rmsProp:
                Same("rho", rmsProp.Rho);
                Same("momentum", rmsProp.Momentum);
                Same("epsilon", rmsProp.Epsilon);
                SameFlag("centered", rmsProp.Centered);
                break;
            case Adam adam:
                Same("beta_1", adam.Beta1);
                Same("beta_2", adam.Beta2);
                Same("epsilon", adam.Epsilon);
                SameFlag("amsgrad", adam.Amsgrad);
                break;
            case Adagrad adagrad:
                Same("initial_accumulator_value", adagrad.InitialAccumulatorValue);
                Same("epsilon", adagrad.Epsilon);
                break;
        }
    }
}
