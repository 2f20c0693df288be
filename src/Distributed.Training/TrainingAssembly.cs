namespace Distributed.Training;

/// <summary>Marker for the training pipeline assembly.</summary>
public static class TrainingAssembly
{
    /// <summary>The assembly's informational version (carries the git commit when built from a clone).</summary>
    public static string Version =>
        typeof(TrainingAssembly).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion ?? "unknown";
}
