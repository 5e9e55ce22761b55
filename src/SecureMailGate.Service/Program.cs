using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using SecureMailGate.Service.Hosting;

namespace SecureMailGate.Service;

/// <summary>Entry point of the verdict service (a Windows service in production; a console process elsewhere).</summary>
public static class Program
{
    /// <summary>Runs the service until it is stopped.</summary>
    /// <param name="args">Host arguments, e.g. <c>--urls https://0.0.0.0:8443</c>.</param>
    /// <returns>0 after a clean stop; 3 when the settings are wrong (one line on stderr says what to fix).</returns>
    public static async Task<int> Main(string[] args)
    {
        WebApplication app;
        try
        {
            app = ServiceApp.Build(args);
        }
        catch (ServiceSettingsException ex)
        {
            await Console.Error.WriteLineAsync("SecureMailGate.Service: " + ex.Message).ConfigureAwait(false);
            return 3;
        }

        await using (app.ConfigureAwait(false))
        {
            await app.RunAsync().ConfigureAwait(false);
        }

        return 0;
    }
}
