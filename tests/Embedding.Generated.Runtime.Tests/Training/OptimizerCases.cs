using System;
using System.Collections.Generic;
using System.Linq;
using Embedding.Generated.Optimizers;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Training;

/// <summary>
/// The optimizer configurations the training tests run, by name (theories take the name), each with the Keras 3
/// formulas it must follow. Hyperparameters other than the defaults make each variant's terms show: an epsilon large
/// enough to move the result tells inside-the-root from outside, betas away from the defaults tell them apart.
/// </summary>
public static class OptimizerCases
{
    private static readonly Dictionary<string, (Func<Optimizer> Create, Func<int, KerasOptimizerFormulas> Reference)> ByName = new(StringComparer.Ordinal)
    {
        ["SGD"] = (() => new Sgd(0.1f), n => new KerasOptimizerFormulas.Sgd(n, 0.1f)),
        ["SGD momentum"] = (() => new Sgd(0.1f, momentum: 0.9), n => new KerasOptimizerFormulas.Sgd(n, 0.1f, momentum: 0.9)),
        ["SGD Nesterov"] = (() => new Sgd(0.1f, momentum: 0.8, nesterov: true), n => new KerasOptimizerFormulas.Sgd(n, 0.1f, momentum: 0.8, nesterov: true)),
        ["RMSprop"] = (() => new RmsProp(0.01f), n => new KerasOptimizerFormulas.RmsProp(n, 0.01f)),
        ["RMSprop epsilon 1e-2"] = (() => new RmsProp(0.01f, rho: 0.8, epsilon: 1e-2), n => new KerasOptimizerFormulas.RmsProp(n, 0.01f, rho: 0.8, epsilon: 1e-2)),
        ["RMSprop momentum"] = (() => new RmsProp(0.01f, momentum: 0.5), n => new KerasOptimizerFormulas.RmsProp(n, 0.01f, momentum: 0.5)),
        ["RMSprop centered"] = (() => new RmsProp(0.01f, centered: true, epsilon: 1e-3), n => new KerasOptimizerFormulas.RmsProp(n, 0.01f, centered: true, epsilon: 1e-3)),
        ["RMSprop centered momentum"] = (() => new RmsProp(0.01f, rho: 0.7, momentum: 0.6, centered: true), n => new KerasOptimizerFormulas.RmsProp(n, 0.01f, rho: 0.7, momentum: 0.6, centered: true)),
        ["Adam"] = (() => new Adam(0.05f), n => new KerasOptimizerFormulas.Adam(n, 0.05f)),
        ["Adam betas 0.8 0.99 epsilon 1e-3"] = (() => new Adam(0.05f, beta1: 0.8, beta2: 0.99, epsilon: 1e-3), n => new KerasOptimizerFormulas.Adam(n, 0.05f, beta1: 0.8, beta2: 0.99, epsilon: 1e-3)),
        ["Adam beta2 0.9"] = (() => new Adam(0.05f, beta2: 0.9), n => new KerasOptimizerFormulas.Adam(n, 0.05f, beta2: 0.9)),
        // beta_2 = 0.9 lets the velocity fall as the gradients shrink, so the running maximum of AMSGrad matters.
        ["Adam AMSGrad beta2 0.9"] = (() => new Adam(0.05f, beta2: 0.9, amsgrad: true), n => new KerasOptimizerFormulas.Adam(n, 0.05f, beta2: 0.9, amsgrad: true)),
        ["Adagrad"] = (() => new Adagrad(0.1f), n => new KerasOptimizerFormulas.Adagrad(n, 0.1f)),
        ["Adagrad accumulator 0.5 epsilon 1e-2"] = (() => new Adagrad(0.1f, initialAccumulatorValue: 0.5, epsilon: 1e-2), n => new KerasOptimizerFormulas.Adagrad(n, 0.1f, initialAccumulatorValue: 0.5, epsilon: 1e-2)),
    };

    public static TheoryData<string> All => Names(ByName.Keys);

    /// <summary>Optimizers whose slots carry a row on after its gradient is gone, so dense steps move rows no id used.</summary>
    public static TheoryData<string> WithMomentum => Names(["SGD momentum", "SGD Nesterov", "RMSprop momentum", "RMSprop centered momentum", "Adam", "Adam AMSGrad beta2 0.9"]);

    /// <summary>Optimizers for which a zero gradient changes nothing, so lazy and dense steps agree without a penalty.</summary>
    public static TheoryData<string> WithoutMomentum => Names(["SGD", "Adagrad", "Adagrad accumulator 0.5 epsilon 1e-2"]);

    public static Optimizer Create(string name) => ByName[name].Create();

    public static KerasOptimizerFormulas Reference(string name, int length) => ByName[name].Reference(length);

    private static TheoryData<string> Names(IEnumerable<string> names)
    {
        var data = new TheoryData<string>();
        foreach (string name in names.Order(StringComparer.Ordinal))
        {
            data.Add(ByName.ContainsKey(name) ? name : throw new ArgumentException($"No optimizer case '{name}'.", nameof(names)));
        }

        return data;
    }
}
