namespace Embedding.Generated.Serialization;

/// <summary>What loading a weight file put into the layer; each format's load returns one.</summary>
public class WeightLoadReport
{
    internal WeightLoadReport(int nonFiniteValues)
    {
        NonFiniteValues = nonFiniteValues;
    }

    /// <summary>
    /// How many NaN and infinite values the load put into the layer: a table holding one gives NaN losses and
    /// gradients. A load with <c>rejectNonFinite: true</c> throws instead, so there it is always 0.
    /// </summary>
    public int NonFiniteValues { get; }
}
