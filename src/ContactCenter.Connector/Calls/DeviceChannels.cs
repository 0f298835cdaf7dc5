namespace ContactCenter.Connector.Calls;

/// <summary>
/// The live channels of each device (<c>PJSIP/6001</c>) and how many of them belong to feature-code calls, so a
/// device state change can be told apart: a phone busy only with codes its agent dialled is not on a call.
/// </summary>
internal sealed class DeviceChannels
{
    private readonly Dictionary<string, (int All, int FeatureCodes)> _counts = new(StringComparer.OrdinalIgnoreCase);

    public void Add(TrackedChannel channel)
    {
        var (all, featureCodes) = _counts.GetValueOrDefault(channel.Device);
        _counts[channel.Device] = (all + 1, featureCodes + (channel.IsFeatureCode ? 1 : 0));
    }

    public void Remove(TrackedChannel channel)
    {
        if (!_counts.TryGetValue(channel.Device, out var counts))
        {
            return;
        }
        var (all, featureCodes) = (counts.All - 1, counts.FeatureCodes - (channel.IsFeatureCode ? 1 : 0));
        if (all <= 0)
        {
            _counts.Remove(channel.Device);
        }
        else
        {
            _counts[channel.Device] = (all, featureCodes);
        }
    }

    /// <summary>True when the device has live channels and every one is a feature-code call.</summary>
    public bool OnlyFeatureCodes(string device) => _counts.TryGetValue(device, out var counts) && counts.All == counts.FeatureCodes;
}
