using System.IO;
using System.Text.Json;

namespace Embedding.Generated.Conformance.Tests.Fixtures;

/// <summary>
/// Typed reads of fixture fields that name the field when it is missing or of the wrong type, so that a malformed
/// fixture fails with a message instead of a bare <see cref="System.Collections.Generic.KeyNotFoundException"/>.
/// </summary>
internal static class FixtureJson
{
    public static JsonElement Field(this JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value)
            ? value
            : throw new InvalidDataException($"The fixture field '{name}' is missing (in {Abbreviate(element)}).");

    /// <summary>The field, or null when it is absent or JSON <c>null</c>.</summary>
    public static JsonElement? OptionalField(this JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string String(this JsonElement element, string name) =>
        element.Field(name).GetString() ?? throw new InvalidDataException($"The fixture field '{name}' is null.");

    public static string? OptionalString(this JsonElement element, string name) => element.OptionalField(name)?.GetString();

    public static int Int(this JsonElement element, string name) => element.Field(name).GetInt32();

    public static double Double(this JsonElement element, string name) => element.Field(name).GetDouble();

    public static double? OptionalDouble(this JsonElement element, string name) => element.OptionalField(name)?.GetDouble();

    public static bool Bool(this JsonElement element, string name) => element.Field(name).GetBoolean();

    public static bool OptionalBool(this JsonElement element, string name, bool fallback) =>
        element.OptionalField(name)?.GetBoolean() ?? fallback;

    public static FixtureTensor Tensor(this JsonElement element, string name) => FixtureTensor.Read(element.Field(name), name);

    private static string Abbreviate(JsonElement element)
    {
        string text = element.GetRawText();
        return text.Length <= 120 ? text : text[..120] + " ...";
    }
}
