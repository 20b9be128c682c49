using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Embedding.Generated.Benchmarks.Profiling;

/// <summary>
/// <c>--profile Class.Method [Param=Value ...] [--seconds N]</c>: runs one benchmark method in a loop for N seconds in
/// this process, after the same global setup BenchmarkDotNet would run, so that a sampling profiler can attach, e.g.
/// <c>DOTNET_PerfMapEnabled=1 perf record -e cpu-clock -g -- dotnet Embedding.Generated.Benchmarks.dll --profile
/// ForwardBenchmarks.Generated Workload=S3</c>. Prints the calls made and the mean time per call.
/// </summary>
public static class ProfileLoop
{
    /// <summary>Runs the loop; <paramref name="arguments"/> are the words after <c>--profile</c>.</summary>
    public static int Run(string[] arguments)
    {
        if (arguments.Length == 0 || arguments[0].Split('.') is not [string typeName, string methodName])
        {
            Console.Error.WriteLine("usage: --profile Class.Method [Param=Value ...] [--seconds N], e.g. --profile ForwardBenchmarks.Generated Workload=S3");
            return 2;
        }

        Type? type = typeof(ProfileLoop).Assembly.GetTypes().FirstOrDefault(candidate => candidate.Name == typeName);
        MethodInfo? method = type?.GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance);
        if (type is null || method?.GetCustomAttribute<BenchmarkAttribute>() is null)
        {
            Console.Error.WriteLine($"No benchmark {typeName}.{methodName} in this suite.");
            return 2;
        }

        object instance = Activator.CreateInstance(type)!;
        double seconds = 10;
        for (int i = 1; i < arguments.Length; i++)
        {
            if (arguments[i] == "--seconds" && i + 1 < arguments.Length)
            {
                seconds = double.Parse(arguments[++i], CultureInfo.InvariantCulture);
            }
            else if (arguments[i].Split('=') is [string name, string text] && type.GetProperty(name) is PropertyInfo property)
            {
                property.SetValue(instance, property.PropertyType.IsEnum
                    ? Enum.Parse(property.PropertyType, text)
                    : Convert.ChangeType(text, property.PropertyType, CultureInfo.InvariantCulture));
            }
        }

        Invoke<GlobalSetupAttribute>(type, instance, methodName);
        // A method that returns its result (the build-time ones) goes through reflection: a cost far below their milliseconds.
        Action call = method.ReturnType == typeof(void)
            ? (Action)Delegate.CreateDelegate(typeof(Action), instance, method)
            : () => method.Invoke(instance, null);
        RunFor(call, TimeSpan.FromSeconds(1));
        (long calls, TimeSpan elapsed) = RunFor(call, TimeSpan.FromSeconds(seconds));
        Invoke<GlobalCleanupAttribute>(type, instance, methodName);

        string parameters = string.Join(", ", arguments.Skip(1).Where(argument => argument.Contains('=')));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{typeName}.{methodName} ({parameters}): {calls} calls in {elapsed.TotalSeconds:0.0} s, {elapsed.TotalMilliseconds * 1000 / calls:0.0} us per call"));
        return 0;
    }

    private static (long Calls, TimeSpan Elapsed) RunFor(Action call, TimeSpan duration)
    {
        long calls = 0;
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < duration)
        {
            call();
            calls++;
        }

        return (calls, stopwatch.Elapsed);
    }

    // The setup (or cleanup) for this method: one that names it, else one that names no method.
    private static void Invoke<TAttribute>(Type type, object instance, string methodName)
        where TAttribute : TargetedAttribute
    {
        MethodInfo[] candidates = [.. type.GetMethods().Where(candidate => candidate.GetCustomAttribute<TAttribute>() is not null)];
        MethodInfo? chosen = candidates.FirstOrDefault(candidate => candidate.GetCustomAttribute<TAttribute>()!.Targets?.Contains(methodName) == true)
            ?? candidates.FirstOrDefault(candidate => candidate.GetCustomAttribute<TAttribute>()!.Targets is null or { Length: 0 });
        chosen?.Invoke(instance, null);
    }
}
