using System.IO;
using System.Text.Json;

namespace Embedding.Generated.Conformance.Tests.Fixtures;

/// <summary>How a case's numbers are compared (the fixtures README, "tolerance").</summary>
internal enum ToleranceMode
{
    /// <summary>Bit for bit.</summary>
    Exact,

    /// <summary><c>|actual - expected| &lt;= atol + rtol * |expected|</c>, elementwise.</summary>
    Close,

    /// <summary>Parameters exactly, then a large sample's support, mean and standard deviation.</summary>
    Statistical,

    /// <summary>Only what happened (an error or an output), not the message.</summary>
    Outcome,
}

/// <summary>A case's <c>tolerance</c> object: its mode and, for <see cref="ToleranceMode.Close"/>, rtol and atol.</summary>
internal sealed record Tolerance(ToleranceMode Mode, double Rtol, double Atol)
{
    public static Tolerance Exact { get; } = new(ToleranceMode.Exact, 0, 0);

    public static Tolerance CloseTo(double rtol, double atol) => new(ToleranceMode.Close, rtol, atol);

    public static Tolerance Read(JsonElement tolerance)
    {
        string mode = tolerance.String("mode");
        return mode switch
        {
            "exact" => Exact,
            "close" => CloseTo(tolerance.Double("rtol"), tolerance.Double("atol")),
            "statistical" => new(ToleranceMode.Statistical, 0, 0),
            "outcome" => new(ToleranceMode.Outcome, 0, 0),
            _ => throw new InvalidDataException($"Unknown tolerance mode '{mode}'."),
        };
    }

    public override string ToString() => Mode == ToleranceMode.Close ? $"close (rtol {Rtol:R}, atol {Atol:R})" : Mode.ToString().ToLowerInvariant();
}
