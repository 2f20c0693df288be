using Distributed.Abstractions.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Distributed.Hosting.Options;

/// <summary>Binds options sections strictly (unknown keys are errors) and validates them at start.</summary>
public static class OptionsRegistration
{
    /// <summary>Registers <typeparamref name="T"/> from its section, validated when the host starts.</summary>
    public static IServiceCollection AddSectionOptions<T>(this IServiceCollection services) where T : class, IOptionsSection
    {
        services.AddOptions<T>()
            .BindConfiguration(T.SectionName, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>, SectionValidator<T>>();
        return services;
    }

    /// <summary>Binds and validates <typeparamref name="T"/> now, for settings needed while the host is built.</summary>
    /// <exception cref="OptionsValidationException">A value is invalid; the message names the key.</exception>
    public static T ReadSection<T>(this IConfiguration configuration) where T : class, IOptionsSection, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new T();
        configuration.GetSection(T.SectionName).Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        var errors = SectionValidation.Errors(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(T.SectionName, typeof(T), errors);
        }

        return options;
    }
}
