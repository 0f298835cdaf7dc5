using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;

namespace ContactCenter.Worker.Tests.Contracts;

/// <summary>
/// Keeps docs/events.md true to ContactCenter.Contracts: supervisors and integrations build on that file, so a
/// contract added, renamed, moved or given a new field must fail here until the document says so.
/// Pure tests: the document and the contracts assembly, no I/O beyond reading the file.
/// </summary>
public sealed class EventsDocumentationTests
{
    private static readonly Lazy<EventsDocument> Document = new(EventsDocument.Load);

    private static EventsDocument Doc => Document.Value;

    public static IEnumerable<TestCaseData> Messages => ContractShapes.Messages.Select(t => new TestCaseData(t).SetArgDisplayNames(t.Name));

    public static IEnumerable<TestCaseData> Records => ContractShapes.Records.Select(t => new TestCaseData(t).SetArgDisplayNames(t.Name));

    public static IEnumerable<TestCaseData> ValueSets => ContractShapes.ValueSets.Select(t => new TestCaseData(t).SetArgDisplayNames(t.Name));

    [Test]
    public void Every_event_command_nested_record_and_value_set_of_the_contracts_has_one_section()
    {
        var headings = Doc.Sections.Select(s => s.Name).ToList();
        var documented = ContractShapes.Records.Concat(ContractShapes.ValueSets).Select(t => t.Name).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(documented.Where(name => !headings.Contains(name)), Is.Empty,
                $"contracts without a '### Name' section in {EventsDocument.RelativePath}");
            Assert.That(headings.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty,
                $"sections written twice in {EventsDocument.RelativePath}");
        }
    }

    [Test]
    public void The_document_names_no_contract_that_does_not_exist()
    {
        var documented = ContractShapes.Records.Concat(ContractShapes.ValueSets).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var messages = ContractShapes.Messages.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var types = ContractShapes.Assembly.GetExportedTypes();
        var namespaces = types.Select(t => t.Namespace).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();

        problems.AddRange(Doc.Sections.Where(s => !documented.Contains(s.Name))
            .Select(s => $"line {s.Line}: section '### {s.Name}' names no event, command, record or value set of the contracts"));
        problems.AddRange(Doc.WalkthroughMessages.Where(m => !messages.Contains(m.Name))
            .Select(m => $"line {m.Line}: walk-through message '{m.Name}' is not an event or command of the contracts"));
        foreach (var reference in Doc.ContractReferences())
        {
            // "Namespace:Type" is how MassTransit names exchanges and message URNs; a dotted name is a namespace or a type.
            var fullName = reference.Replace(':', '.');
            if (!types.Any(t => t.FullName == fullName) && !namespaces.Contains(reference))
            {
                problems.Add($"'{reference}' is neither a type nor a namespace of ContactCenter.Contracts");
            }
        }

        Assert.That(problems, Is.Empty);
    }

    [TestCaseSource(nameof(Messages))]
    public void Each_message_section_gives_the_urn_the_bus_uses_for_its_type(Type message)
    {
        var section = SectionOf(message);

        Assert.That(section.Urn, Is.EqualTo(MessageUrn.ForTypeString(message)),
            $"{message.Name}: the section (line {section.Line}) must name its messageType; the namespace and name are the type's identity on the wire");
    }

    [TestCaseSource(nameof(Records))]
    public void Each_example_names_exactly_the_fields_of_its_type_as_the_bus_writes_them(Type record)
    {
        var example = ExampleOf(record);
        var problems = new List<string>();

        CompareFields(example, record, record.Name, problems);

        Assert.That(problems, Is.Empty, $"the example in section '### {record.Name}' of {EventsDocument.RelativePath}");
    }

    [TestCaseSource(nameof(Records))]
    public void Each_example_deserializes_into_its_type_and_serializes_back_to_the_same_json(Type record)
    {
        var example = ExampleOf(record);
        var compact = new JsonSerializerOptions(ContractShapes.BusJson) { WriteIndented = false };
        object? value = null;

        Assert.That(() => value = example.Deserialize(record, ContractShapes.BusJson), Throws.Nothing,
            $"{record.Name}: the example does not deserialize with the bus's serializer settings");
        Assert.That(value, Is.Not.Null, $"{record.Name}: the example deserialized to null");
        Assert.That(JsonSerializer.Serialize(value, record, compact), Is.EqualTo(example.ToJsonString(compact)),
            $"{record.Name}: the example is not what the bus writes for it (field order, value formats, nulls)");
    }

    [TestCaseSource(nameof(Records))]
    public void Each_field_table_lists_every_field_of_its_type_with_its_json_type(Type record)
    {
        var section = SectionOf(record);
        var table = section.NamedRows.ToDictionary(r => EventsDocument.CodeName(r[0])!, r => r.Length > 1 ? EventsDocument.CodeName(r[1]) ?? r[1] : string.Empty);
        var fields = ContractShapes.Fields(record);
        var problems = new List<string>();

        foreach (var (json, property) in fields)
        {
            var wire = ContractShapes.WireType(property);
            if (!table.TryGetValue(json, out var documented))
            {
                problems.Add($"{record.Name}: the field table lacks '{json}' ({record.Name}.{property.Name}, `{wire}`)");
            }
            else if (documented != wire)
            {
                problems.Add($"{record.Name}: '{json}' is documented as `{documented}` but is `{wire}` on the wire");
            }
        }
        problems.AddRange(table.Keys.Where(name => fields.All(f => f.Json != name))
            .Select(name => $"{record.Name}: the field table lists '{name}', which {record.Name} does not have"));

        Assert.That(problems, Is.Empty, $"the field table of section '### {record.Name}' (line {section.Line})");
    }

    [TestCaseSource(nameof(ValueSets))]
    public void Each_value_set_lists_exactly_the_values_its_constants_define(Type valueSet)
    {
        var section = SectionOf(valueSet);
        var documented = section.NamedRows.Select(r => EventsDocument.CodeName(r[0])!).ToList();
        var values = ContractShapes.Values(valueSet);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(values.Where(v => !documented.Contains(v)), Is.Empty, $"{valueSet.Name}: values missing from its section (line {section.Line})");
            Assert.That(documented.Where(v => !values.Contains(v)), Is.Empty, $"{valueSet.Name}: values in its section that {valueSet.Name} does not define");
        }
    }

    private static DocumentSection SectionOf(Type type) =>
        Doc.Section(type.Name) ?? throw new AssertionException($"{EventsDocument.RelativePath} has no section '### {type.Name}'");

    private static JsonObject ExampleOf(Type record)
    {
        var section = SectionOf(record);
        var json = section.Json ?? throw new AssertionException($"{record.Name}: section (line {section.Line}) has no ```json example");
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new AssertionException($"{record.Name}: the example is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new AssertionException($"{record.Name}: the example is not valid JSON: {e.Message}");
        }
    }

    /// <summary>The example's property names against the record's, nested records (and lists of them) included.</summary>
    private static void CompareFields(JsonObject example, Type record, string path, List<string> problems)
    {
        var fields = ContractShapes.Fields(record);
        foreach (var (json, property) in fields)
        {
            if (!example.TryGetPropertyValue(json, out var node))
            {
                problems.Add($"{path}: the example has no field '{json}' ({record.Name}.{property.Name})");
                continue;
            }
            if (ContractShapes.IsContractRecord(property.PropertyType) && node is JsonObject nested)
            {
                CompareFields(nested, property.PropertyType, $"{path}.{json}", problems);
            }
            else if (ContractShapes.ElementType(property.PropertyType) is { } element && ContractShapes.IsContractRecord(element) && node is JsonArray items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is JsonObject item)
                    {
                        CompareFields(item, element, $"{path}.{json}[{i}]", problems);
                    }
                }
            }
        }
        problems.AddRange(example.Select(p => p.Key).Where(name => fields.All(f => f.Json != name))
            .Select(name => $"{path}: the example has field '{name}', which {record.Name} does not have"));
    }
}
