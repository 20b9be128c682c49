using System;
using System.Reflection;
using Embedding.Generated.Initializers;

namespace Embedding.Generated.Runtime.Tests.Initializers;

/// <summary>
/// The runtime's internal <c>DeterministicMath.Log</c>, reached through reflection because the runtime does not make
/// its internals visible to this project.
/// </summary>
public static class DeterministicLog
{
    private static readonly Func<double, double> Log = Bind();

    public static double Of(double x) => Log(x);

    private static Func<double, double> Bind()
    {
        Type type = typeof(IEmbeddingInitializer).Assembly.GetType("Embedding.Generated.Initializers.DeterministicMath", throwOnError: true)!;
        MethodInfo method = type.GetMethod("Log", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, [typeof(double)])
            ?? throw new MissingMethodException(type.FullName, "Log(double)");
        return method.CreateDelegate<Func<double, double>>();
    }
}
