namespace Embedding.Generated.Training;

/// <summary>How a training step updates the table.</summary>
public enum UpdateMode
{
    /// <summary>
    /// Exactly Keras: a dense gradient over the whole table (the penalty's gradient included), every weight's optimizer
    /// slots updated, and the constraint applied to the whole table. Costs the table size per step.
    /// </summary>
    Dense,

    /// <summary>
    /// Only the rows the batch touched: their gradient, their share of the penalty's gradient, their slots and (for a
    /// row-wise constraint) their projection, as TensorFlow's LazyAdam and PyTorch's SparseAdam. Costs the rows touched.
    /// A constraint over axis 0 still projects the whole table, because each column spans every row.
    /// </summary>
    LazySparse,
}
