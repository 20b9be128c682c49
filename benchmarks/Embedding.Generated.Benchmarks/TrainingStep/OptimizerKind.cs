namespace Embedding.Generated.Benchmarks.TrainingStep;

/// <summary>The optimizers of the training-step benchmark.</summary>
public enum OptimizerKind
{
    /// <summary>Keras 3's RMSprop with its defaults (the seed's <c>compile('rmsprop', ...)</c>).</summary>
    RmsProp,

    /// <summary>Keras 3's Adam with its defaults.</summary>
    Adam,
}
