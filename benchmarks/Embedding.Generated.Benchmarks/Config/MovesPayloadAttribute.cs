using System;

namespace Embedding.Generated.Benchmarks.Config;

/// <summary>
/// Marks a benchmark class whose calls move a payload of ids x OutputDim floats (read and written once each), so that
/// the "GB/s" column applies.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class MovesPayloadAttribute : Attribute;
