using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContactCenter.Contracts;
using MassTransit.Serialization;

namespace ContactCenter.Worker.Tests.Contracts;

/// <summary>
/// The contracts as the bus sees them, found by reflection over ContactCenter.Contracts: which types exist,
/// their fields under the bus's JSON naming, and the JSON type of each field as docs/events.md writes it.
/// </summary>
internal static class ContractShapes
{
    /// <summary>
    /// The settings the bus serializes with: BusSetup configures no serializer, so MassTransit's System.Text.Json
    /// serializer uses these (its <c>ConfigureJsonSerializerOptions</c> would change this same instance).
    /// </summary>
    public static JsonSerializerOptions BusJson => SystemTextJsonMessageSerializer.Options;

    public static Assembly Assembly { get; } = typeof(IContactCenterEvent).Assembly;

    /// <summary>Events and commands: what travels on its own.</summary>
    public static IReadOnlyList<Type> Messages { get; } = Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && (typeof(IContactCenterEvent).IsAssignableFrom(t) || typeof(IAsteriskCommand).IsAssignableFrom(t)))
        .OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    /// <summary>Every record with fields: the messages and the objects nested in them (<c>QueueMember</c>).</summary>
    public static IReadOnlyList<Type> Records { get; } = Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false })
        .OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    /// <summary>The string-constant classes whose values travel in fields (<c>AgentState</c>, <c>CommandOutcome</c>…).</summary>
    public static IReadOnlyList<Type> ValueSets { get; } = Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: true, IsSealed: true } && Values(t).Count > 0)
        .OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> Values(Type valueSet) => valueSet.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!).ToList();

    public static bool IsContractRecord(Type type) => Records.Contains(type);

    /// <summary>The public properties in declaration order, keyed by their JSON name under the bus's naming policy.</summary>
    public static IReadOnlyList<(string Json, PropertyInfo Property)> Fields(Type record) => record
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .OrderBy(p => p.MetadataToken)
        .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? BusJson.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name, p))
        .ToList();

    /// <summary>The element type of a list-like property, or null.</summary>
    public static Type? ElementType(Type type) =>
        type != typeof(string) && !IsDictionary(type) && type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } enumerable
            ? enumerable.GetGenericArguments()[0]
            : null;

    /// <summary>How docs/events.md writes a field's JSON type: <c>string</c>, <c>int?</c>, <c>uuid</c>, <c>string[]</c>, <c>QueueMember</c>…</summary>
    public static string WireType(PropertyInfo property)
    {
        var nullable = new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return WireName(type) + (nullable ? "?" : string.Empty);
    }

    private static string WireName(Type type)
    {
        if (type == typeof(string))
        {
            return "string";
        }
        if (type == typeof(Guid))
        {
            return "uuid";
        }
        if (type == typeof(DateTimeOffset))
        {
            return "date-time";
        }
        if (type == typeof(int))
        {
            return "int";
        }
        if (type == typeof(long))
        {
            return "long";
        }
        if (type == typeof(bool))
        {
            return "bool";
        }
        if (IsDictionary(type))
        {
            var arguments = type.GetGenericArguments();
            return $"map<{WireName(arguments[0])}, {WireName(arguments[1])}>";
        }
        if (ElementType(type) is { } element)
        {
            return WireName(element) + "[]";
        }
        if (IsContractRecord(type))
        {
            return type.Name;
        }
        // A field of a kind this table does not know yet: say so instead of guessing a name.
        throw new NotSupportedException($"No JSON type name for {type}: extend {nameof(ContractShapes)}.{nameof(WireName)} and describe it in {EventsDocument.RelativePath}");
    }

    private static bool IsDictionary(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(IReadOnlyDictionary<,>) || d == typeof(IDictionary<,>) || d == typeof(Dictionary<,>));
}
