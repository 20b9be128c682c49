using System;
using System.Collections.Generic;
using System.Linq;
using Embedding.Generated.Initializers;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Initializers;

/// <summary>Every initializer in the runtime, by name, for the theories that hold for all of them.</summary>
public static class InitializerCatalogue
{
    private static readonly Dictionary<string, (Func<IEmbeddingInitializer> Create, bool Seeded)> Entries = new(StringComparer.Ordinal)
    {
        ["RandomUniform"] = (() => new RandomUniform(), true),
        ["RandomNormal"] = (() => new RandomNormal(), true),
        ["TruncatedNormal"] = (() => new TruncatedNormal(), true),
        ["VarianceScaling(2, FanOut, UntruncatedNormal)"] = (() => new VarianceScaling(2, FanMode.FanOut, VarianceDistribution.UntruncatedNormal), true),
        ["GlorotUniform"] = (() => new GlorotUniform(), true),
        ["GlorotNormal"] = (() => new GlorotNormal(), true),
        ["HeUniform"] = (() => new HeUniform(), true),
        ["HeNormal"] = (() => new HeNormal(), true),
        ["LecunUniform"] = (() => new LecunUniform(), true),
        ["LecunNormal"] = (() => new LecunNormal(), true),
        ["Orthogonal"] = (() => new Orthogonal(), true),
        ["Identity"] = (() => new Identity(), false),
        ["Constant(0.5)"] = (() => new Constant(0.5f), false),
        ["Zeros"] = (() => new Zeros(), false),
        ["Ones"] = (() => new Ones(), false),
    };

    public static TheoryData<string> All => Data(Entries.Keys);

    public static TheoryData<string> Seeded => Data(Entries.Where(entry => entry.Value.Seeded).Select(entry => entry.Key));

    public static TheoryData<string> Unseeded => Data(Entries.Where(entry => !entry.Value.Seeded).Select(entry => entry.Key));

    public static IEmbeddingInitializer Create(string name) => Entries[name].Create();

    private static TheoryData<string> Data(IEnumerable<string> names)
    {
        var data = new TheoryData<string>();
        foreach (string name in names)
        {
            data.Add(name);
        }

        return data;
    }
}
