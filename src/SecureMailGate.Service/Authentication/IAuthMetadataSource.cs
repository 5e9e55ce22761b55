using System.Threading;
using System.Threading.Tasks;

namespace SecureMailGate.Service.Authentication;

/// <summary>Supplies Exchange's authentication metadata (signing certificates and issuer).</summary>
public interface IAuthMetadataSource
{
    /// <summary>The metadata in force.</summary>
    /// <param name="unknownKey">True when a token named a key the current metadata lacks (Exchange may have rolled its certificate).</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The metadata, or null when it has never been had (every request is then refused).</returns>
    Task<AuthMetadata?> GetAsync(bool unknownKey, CancellationToken cancellationToken);
}
