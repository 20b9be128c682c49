using System;
using System.Linq;
using Embedding.Generated.Conformance.Tests.Fixtures;
using Embedding.Generated.Conformance.Tests.Replays;
using Xunit;

namespace Embedding.Generated.Conformance.Tests;

/// <summary>
/// Replays every case of the Keras fixtures (see their README): expected results computed by TensorFlow.js, an
/// independent implementation of Keras, compared with layers the real generator compiles for each case and with the
/// runtime's regularizers, constraints, initializers and optimizers. One test per case, named by its id.
/// </summary>
[Trait("Category", "KerasConformance")]
public sealed class KerasFixtureTests
{
    /// <summary>The case ids of manifest.json. A missing fixture folder throws here, which fails the theory with the path.</summary>
    public static TheoryData<string> CaseIds => [.. FixtureManifest.Current.Entries.Select(entry => entry.Id)];

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Replays(string caseId)
    {
        FixtureCase fixture = FixtureCase.Load(caseId);
        Action<FixtureCase> replay = fixture.Kind switch
        {
            "forward" => ForwardReplay.Run,
            "grad" => GradReplay.Run,
            "out_of_range" => OutOfRangeReplay.Run,
            "regularizer" => RegularizerReplay.Run,
            "constraint" => ConstraintReplay.Run,
            "initializer_stats" => InitializerStatsReplay.Run,
            "train_step" => TrainStepReplay.Run,
            // A kind the harness does not know is a failure: a new kind of case must never pass unreplayed.
            _ => static unknown => Assert.Fail($"Case '{unknown.Id}' has kind '{unknown.Kind}', which this harness cannot replay."),
        };
        replay(fixture);
    }
}
