using ContactCenter.PbxSimulator.Channels;
using ContactCenter.PbxSimulator.Queues;

namespace ContactCenter.PbxSimulator.Engine;

internal sealed partial class PbxEngine
{
    /// <summary>
    /// Asterisk computes device states asynchronously, so a phone's DeviceStateChange arrives a few events
    /// after the channel change that caused it. The engine reproduces the positions seen in the traces:
    /// changes are marked dirty and emitted at explicit points (after a SoftHangupRequest, after a bridge is
    /// created…) and at the end of every operation.
    /// </summary>
    public void MarkDeviceDirty(Endpoint endpoint)
    {
        if (!_dirtyDevices.Contains(endpoint))
        {
            _dirtyDevices.Add(endpoint);
        }
    }

    /// <summary>Marks and emits now.</summary>
    public void UpdateDevice(Endpoint endpoint)
    {
        MarkDeviceDirty(endpoint);
        FlushDeviceStates();
    }

    public void FlushDeviceStates()
    {
        while (_dirtyDevices.Count > 0)
        {
            var endpoint = _dirtyDevices[0];
            _dirtyDevices.RemoveAt(0);
            SetDeviceState(endpoint.Device, ComputeState(endpoint));
        }
    }

    /// <summary>Emits a DeviceStateChange when the state differs from the last one announced (Asterisk's device state cache).</summary>
    public void SetDeviceState(string device, string state)
    {
        if (_deviceStates.TryGetValue(device, out var previous) && previous == state)
        {
            return;
        }
        _deviceStates[device] = state;
        Ami.DeviceStateChange(device, state);
        Queues.OnDeviceState(device, state);
    }

    /// <summary>The device state as last announced, or computed for an endpoint never announced.</summary>
    public string DeviceState(string device)
    {
        if (_deviceStates.TryGetValue(device, out var state))
        {
            return state;
        }
        var endpoint = EndpointOfDevice(device);
        return endpoint is null ? DeviceStates.Invalid : ComputeState(endpoint);
    }

    public Endpoint? EndpointOfDevice(string device) =>
        device.StartsWith("PJSIP/", StringComparison.OrdinalIgnoreCase) && Endpoints.TryGetValue(device[6..], out var e) ? e : null;

    private string ComputeState(Endpoint endpoint)
    {
        if (!endpoint.Registered)
        {
            return DeviceStates.Unavailable;
        }
        var ringing = false;
        var inUse = false;
        foreach (var ch in endpoint.Channels)
        {
            if (ch.IsGone)
            {
                continue;
            }
            if (ch.State == ChannelState.Ringing && ch.Direction == ChannelDirection.Outbound)
            {
                ringing = true;
            }
            else if (ch.State is ChannelState.Up or ChannelState.Ring or ChannelState.Ringing)
            {
                inUse = true;
            }
        }
        return ringing ? (inUse ? DeviceStates.RingInUse : DeviceStates.Ringing) : inUse ? DeviceStates.InUse : DeviceStates.NotInUse;
    }

    /// <summary>Registered endpoints start known as NOT_INUSE (their registration already announced it); queue devices start unknown.</summary>
    private void SeedDeviceStates()
    {
        _deviceStates.Clear();
        foreach (var endpoint in Endpoints.Values)
        {
            _deviceStates[endpoint.Device] = endpoint.Registered ? DeviceStates.NotInUse : DeviceStates.Unavailable;
        }
    }
}
