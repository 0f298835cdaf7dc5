namespace ContactCenter.Connector.Calls;

/// <summary>
/// The live channels of each device (<c>PJSIP/6001</c>) and how many of them belong to feature-code calls, so a
/// device state change can be told apart: a phone busy only with codes its agent dialled is not on a call, and the
/// phone going idle again when the last of those codes hangs up is not the end of a call either.
/// </summary>
internal sealed class DeviceChannels
{
    private const int NotInUse = 1;

    private readonly Dictionary<string, Counts> _counts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Devices whose last busy spell held feature codes only; cleared by their next channel or status.</summary>
    private readonly HashSet<string> _freedByFeatureCodes = new(StringComparer.OrdinalIgnoreCase);

    public void Add(TrackedChannel channel)
    {
        var counts = _counts.GetValueOrDefault(channel.Device);
        _counts[channel.Device] = new Counts(counts.All + 1, counts.FeatureCodes + (channel.IsFeatureCode ? 1 : 0), counts.HadCall || !channel.IsFeatureCode);
        _freedByFeatureCodes.Remove(channel.Device);
    }

    public void Remove(TrackedChannel channel)
    {
        if (!_counts.TryGetValue(channel.Device, out var counts))
        {
            return;
        }
        if (counts.All <= 1)
        {
            _counts.Remove(channel.Device);
            if (!counts.HadCall)
            {
                _freedByFeatureCodes.Add(channel.Device);
            }
        }
        else
        {
            _counts[channel.Device] = counts with { All = counts.All - 1, FeatureCodes = counts.FeatureCodes - (channel.IsFeatureCode ? 1 : 0) };
        }
    }

    /// <summary>
    /// Whether a member's status change on <paramref name="device"/> comes from feature codes alone: the device is busy
    /// only with them, or it has just gone back to not in use (1) after a busy spell that held nothing else (every queue
    /// the device is a member of reports that change). Any other status of an idle device ends that aftermath.
    /// </summary>
    public bool StatusFromFeatureCodes(string device, int status)
    {
        if (_counts.TryGetValue(device, out var counts))
        {
            return counts.All == counts.FeatureCodes;
        }
        if (status == NotInUse && _freedByFeatureCodes.Contains(device))
        {
            return true;
        }
        _freedByFeatureCodes.Remove(device);
        return false;
    }

    /// <summary>After a resync: what follows is no longer the aftermath of codes seen before the connector was away.</summary>
    public void ForgetFeatureCodeAftermath() => _freedByFeatureCodes.Clear();

    /// <param name="HadCall">A channel other than a feature code was on the device during this busy spell.</param>
    private readonly record struct Counts(int All, int FeatureCodes, bool HadCall);
}
