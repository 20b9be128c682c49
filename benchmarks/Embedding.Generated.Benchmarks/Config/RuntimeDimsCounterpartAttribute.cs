using System;

namespace Embedding.Generated.Benchmarks.Config;

/// <summary>
/// Names the benchmark method in the same class that runs the same algorithm with runtime dimensions, so that the
/// "Median / runtime dims" column can divide by it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RuntimeDimsCounterpartAttribute(string methodName) : Attribute
{
    /// <summary>The counterpart method's name.</summary>
    public string MethodName { get; } = methodName;
}
