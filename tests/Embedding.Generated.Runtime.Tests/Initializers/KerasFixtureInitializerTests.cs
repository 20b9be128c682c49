using System;
using System.Linq;
using Embedding.Generated.Initializers;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Initializers;

/// <summary>
/// The <c>initializer_stats</c> cases of the Keras fixtures: each initializer's parameters against the ones
/// TensorFlow.js proved by re-drawing, and a sample drawn as the fixture drew its own against the distribution.
/// </summary>
/// <remarks>
/// The library follows Keras 3. TensorFlow.js agrees with it on the uniform families and on plain
/// <c>randomNormal</c> and <c>truncatedNormal</c>, whose parameters must match exactly. Its <c>glorotNormal</c>,
/// <c>heNormal</c> and <c>lecunNormal</c> omit Keras's 1/0.87962566103423978 correction (fixture README, item 6), so
/// there the Keras 3 target is <c>params.stddev / 0.87962566103423978</c> before truncation, and
/// <c>theoretical.std / 0.87962566103423978</c> (which is <c>params.stddev</c>) after it.
/// </remarks>
public sealed class KerasFixtureInitializerTests
{
    private const double TruncatedStandardNormalStddev = 0.87962566103423978;

    private static readonly string[] CaseIds =
    [
        "init-01-randomUniform-1000x64",
        "init-02-randomNormal-1000x64",
        "init-03-truncatedNormal-1000x64",
        "init-04-glorotUniform-1000x64",
        "init-05-glorotNormal-1000x64",
        "init-06-heNormal-1000x64",
        "init-07-heUniform-1000x64",
        "init-08-lecunNormal-1000x64",
        "init-09-lecunUniform-1000x64",
        "init-10-glorotUniform-3x100",
    ];

    public static TheoryData<string> Cases => new(CaseIds);

    [Fact]
    public void Every_initializer_stats_case_in_the_manifest_is_replayed()
    {
        Assert.Equal(KerasInitializerFixture.IdsInManifest().Order(StringComparer.Ordinal), CaseIds.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parameters_equal_the_fixture_params_exactly_with_the_keras3_correction_for_the_normal_presets(string id)
    {
        KerasInitializerFixture fixture = KerasInitializerFixture.Load(id);
        IEmbeddingInitializer initializer = Create(fixture.Initializer);

        switch (initializer)
        {
            case RandomUniform uniform:
                Assert.Equal(fixture.Parameter("minval"), uniform.Minval);
                Assert.Equal(fixture.Parameter("maxval"), uniform.Maxval);
                break;
            case RandomNormal normal:
                Assert.Equal("normal", fixture.Family);
                Assert.Equal(fixture.Parameter("mean"), normal.Mean);
                Assert.Equal(fixture.Parameter("stddev"), normal.Stddev);
                break;
            case TruncatedNormal truncated:
                Assert.Equal("truncated_normal", fixture.Family);
                Assert.Equal(fixture.Parameter("mean"), truncated.Mean);
                Assert.Equal(fixture.Parameter("stddev"), truncated.Stddev);
                break;
            case VarianceScaling { Distribution: VarianceDistribution.Uniform } scaling:
                Assert.Equal("uniform", fixture.Family);
                Assert.Equal(fixture.Parameter("limit"), scaling.UniformLimit(fixture.InputDim, fixture.OutputDim));
                Assert.Equal(fixture.Parameter("maxval"), scaling.UniformLimit(fixture.InputDim, fixture.OutputDim));
                Assert.Equal(fixture.Parameter("minval"), -scaling.UniformLimit(fixture.InputDim, fixture.OutputDim));
                break;
            case VarianceScaling scaling:
                Assert.Equal("truncated_normal", fixture.Family);
                Assert.Equal(VarianceDistribution.TruncatedNormal, scaling.Distribution);
                Assert.Equal(fixture.Parameter("stddev") / TruncatedStandardNormalStddev, scaling.NormalStddev(fixture.InputDim, fixture.OutputDim));
                break;
            default:
                throw new InvalidOperationException($"No check for {initializer.GetType().Name}.");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_sample_drawn_as_the_fixture_drew_has_the_keras3_distribution(string id)
    {
        KerasInitializerFixture fixture = KerasInitializerFixture.Load(id);
        IEmbeddingInitializer initializer = Create(fixture.Initializer);
        bool kerasCorrected = initializer is VarianceScaling { Distribution: VarianceDistribution.TruncatedNormal };
        double std = kerasCorrected ? fixture.TheoreticalStd / TruncatedStandardNormalStddev : fixture.TheoreticalStd;

        float[] sample = InitializerSample.Draw(initializer, fixture.InputDim, fixture.OutputDim, fixture.Seed, fixture.SampleSize);

        InitializerSample.AssertMoments(sample, fixture.TheoreticalMean, std);
        switch (fixture.Family)
        {
            case "uniform":
                InitializerSample.AssertWithin(sample, (float)fixture.Parameter("minval"), (float)fixture.Parameter("maxval"));
                break;
            case "truncated_normal":
                // The support is mean +- 2 sigma of the sigma before truncation (Keras 3's, corrected where tfjs differs).
                double sigma = kerasCorrected ? fixture.Parameter("stddev") / TruncatedStandardNormalStddev : fixture.Parameter("stddev");
                double mean = fixture.Parameter("mean");
                InitializerSample.AssertWithin(sample, (float)(mean - (2 * sigma)), (float)(mean + (2 * sigma)));
                break;
            default:
                Assert.Equal("normal", fixture.Family);
                break;
        }
    }

    private static IEmbeddingInitializer Create(string kerasName) => kerasName switch
    {
        "randomUniform" => new RandomUniform(),
        "randomNormal" => new RandomNormal(),
        "truncatedNormal" => new TruncatedNormal(),
        "glorotUniform" => new GlorotUniform(),
        "glorotNormal" => new GlorotNormal(),
        "heNormal" => new HeNormal(),
        "heUniform" => new HeUniform(),
        "lecunNormal" => new LecunNormal(),
        "lecunUniform" => new LecunUniform(),
        _ => throw new ArgumentOutOfRangeException(nameof(kerasName), kerasName, "Not an initializer_stats name."),
    };
}
