namespace SecureMailGate.Core.Policy;

/// <summary>Where inspection that can crash, hang or balloon runs (POLICY §7 <c>inspection.isolation</c>).</summary>
public enum IsolationMode
{
    /// <summary><c>process</c>: in a pool of worker processes; a worker that fails is killed and replaced.</summary>
    Process = 0,

    /// <summary><c>inproc</c>: in the host process, for hosts that cannot start processes.</summary>
    InProcess = 1,
}
