namespace Distributed.Hosting.Tests;

/// <summary>
/// The Azurite that tools/test.sh starts (DISTRIBUTED_TEST_AZURITE holds its connection string). Without it, tests
/// skip with a message — except under CI=true, where a missing Azurite is a failure.
/// </summary>
public static class AzuriteEnvironment
{
    public static string ConnectionString()
    {
        var connection = Environment.GetEnvironmentVariable("DISTRIBUTED_TEST_AZURITE");
        if (!string.IsNullOrWhiteSpace(connection))
        {
            return connection;
        }

        const string Reason = "Azurite is not running: run the tests through tools/test.sh, which starts it";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(Reason + " (CI=true: not skipping).");
        }

        throw new SkipException(Reason + ".");
    }
}
