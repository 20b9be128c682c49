using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Embedding.Generated.Conformance.Tests.Fixtures;

/// <summary>
/// A fixture tensor: <c>{"shape": [...], "data": [flat, row-major]}</c>, or a plain nested array whose shape is
/// inferred. Every float in the fixtures is an exact float32 printed as the shortest round-tripping double, so
/// <c>(float)GetDouble()</c> gives back the very bits TensorFlow.js used or produced.
/// </summary>
internal sealed class FixtureTensor
{
    private readonly JsonElement[] _data;

    private FixtureTensor(string name, int[] shape, JsonElement[] data)
    {
        Name = name;
        Shape = shape;
        _data = data;
    }

    public string Name { get; }

    public int[] Shape { get; }

    /// <summary>The number of elements.</summary>
    public int Length => _data.Length;

    public static FixtureTensor Read(JsonElement element, string name)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            int[] shape = element.Field("shape").EnumerateArray().Select(dimension => dimension.GetInt32()).ToArray();
            JsonElement[] data = element.Field("data").EnumerateArray().ToArray();
            long count = shape.Aggregate(1L, (product, dimension) => product * dimension);
            if (data.Length != count)
            {
                throw new InvalidDataException($"Tensor '{name}' has shape [{string.Join(", ", shape)}] ({count} elements) but {data.Length} values.");
            }

            return new FixtureTensor(name, shape, data);
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            var shape = new List<int>();
            var data = new List<JsonElement>();
            Flatten(element, 0, shape, data, name);
            return new FixtureTensor(name, [.. shape], [.. data]);
        }

        throw new InvalidDataException($"Tensor '{name}' is a JSON {element.ValueKind}, neither {{shape, data}} nor a nested array.");
    }

    public float[] ToFloats() => Array.ConvertAll(_data, value => (float)value.GetDouble());

    public int[] ToInts() => Array.ConvertAll(_data, value => value.GetInt32());

    public bool[] ToBools() => Array.ConvertAll(_data, value => value.GetBoolean());

    /// <summary>Throws unless the shape is <paramref name="expected"/>: a fixture that disagrees with itself is not replayed.</summary>
    public FixtureTensor RequireShape(params int[] expected)
    {
        if (!Shape.AsSpan().SequenceEqual(expected))
        {
            throw new InvalidDataException(
                $"Tensor '{Name}' has shape [{string.Join(", ", Shape)}], but the case implies [{string.Join(", ", expected)}].");
        }

        return this;
    }

    // Nested arrays: every array at one depth must have the same length, which becomes that dimension.
    private static void Flatten(JsonElement element, int depth, List<int> shape, List<JsonElement> data, string name)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            if (depth != shape.Count)
            {
                throw new InvalidDataException($"Tensor '{name}' is a ragged nested array.");
            }

            data.Add(element);
            return;
        }

        int length = element.GetArrayLength();
        if (depth == shape.Count && data.Count == 0)
        {
            shape.Add(length);
        }
        else if (depth >= shape.Count || shape[depth] != length)
        {
            throw new InvalidDataException($"Tensor '{name}' is a ragged nested array.");
        }

        foreach (JsonElement item in element.EnumerateArray())
        {
            Flatten(item, depth + 1, shape, data, name);
        }
    }
}
