using System.Buffers;
using System.Text;

namespace ContactCenter.Asterisk.Ami;

/// <summary>
/// An AMI action to send: its name and headers in order (repeated headers allowed, e.g. several
/// <c>Variable</c>). The client adds the <c>ActionID</c>. Keys and values are checked when added: a
/// CR or LF anywhere throws <see cref="ArgumentException"/> naming the key, before anything reaches
/// the socket. <see cref="ToString"/> masks secrets.
/// </summary>
public sealed class AmiAction
{
    private static readonly string[] SecretKeys = ["Secret", "Key"];
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public AmiAction(string name)
    {
        AmiFrameWriter.ValidateKey(name);
        AmiFrameWriter.ValidateValue("Action", name);
        Name = name;
    }

    /// <summary>The action name, e.g. <c>QueuePause</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// An ActionID chosen by the caller, or null to let the client number it. Needed when an event that
    /// carries the ActionID may arrive before the response has been handed back (<c>OriginateResponse</c>):
    /// the caller registers the id first, then sends.
    /// </summary>
    public string? ActionId
    {
        get => _actionId;
        init
        {
            if (value is not null)
            {
                AmiFrameWriter.ValidateValue("ActionID", value);
                ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(ActionId));
            }
            _actionId = value;
        }
    }

    private readonly string? _actionId;

    /// <summary>Headers in the order they will be written.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>Adds a header; a null value adds nothing, so optional headers read naturally.</summary>
    /// <exception cref="ArgumentException">The key or value contains CR or LF, or the key is ActionID/Action.</exception>
    public AmiAction Add(string key, string? value)
    {
        AmiFrameWriter.ValidateKey(key);
        if (key.Equals("ActionID", StringComparison.OrdinalIgnoreCase) || key.Equals("Action", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{key}' is set by the AMI client, not by the caller.", nameof(key));
        }
        if (value is null)
        {
            return this;
        }
        AmiFrameWriter.ValidateValue(key, value);
        _fields.Add(new(key, value));
        return this;
    }

    /// <summary>Adds a header with a boolean value written as Asterisk expects (<c>true</c>/<c>false</c>).</summary>
    public AmiAction Add(string key, bool value) => Add(key, value ? "true" : "false");

    /// <summary>Adds a header with an integer value.</summary>
    public AmiAction Add(string key, int value) => Add(key, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>First value of a header, or null.</summary>
    public string? Get(string key)
    {
        foreach (var field in _fields)
        {
            if (field.Key.Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return field.Value;
            }
        }
        return null;
    }

    /// <summary>Writes the action with its ActionID as one frame.</summary>
    public void WriteTo(IBufferWriter<byte> writer, string actionId)
    {
        ArgumentNullException.ThrowIfNull(writer);
        AmiFrameWriter.ValidateValue("ActionID", actionId);
        AmiFrameWriter.WriteFieldUnchecked(writer, "Action", Name);
        AmiFrameWriter.WriteFieldUnchecked(writer, "ActionID", actionId);
        foreach (var (key, value) in _fields)
        {
            AmiFrameWriter.WriteFieldUnchecked(writer, key, value);
        }
        AmiFrameWriter.WriteEnd(writer);
    }

    /// <summary>The action for logs: <c>Secret</c> and MD5 <c>Key</c> values are replaced by <c>***</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("Action: ").Append(Name);
        foreach (var (key, value) in _fields)
        {
            var masked = Array.Exists(SecretKeys, k => k.Equals(key, StringComparison.OrdinalIgnoreCase));
            sb.Append(", ").Append(key).Append(": ").Append(masked ? "***" : value);
        }
        return sb.ToString();
    }
}
