using Distributed.Learning.Collective;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Distributed.Hosting.Options;
using Orleans.Connections.Security;

namespace Distributed.Hosting.Security;

/// <summary>Turns <see cref="ClusterTlsOptions"/> into Orleans' TLS connection settings for silos and clients.</summary>
public static class ClusterTls
{
    /// <summary>Mutual TLS on the silo's silo-to-silo and gateway connections, when the options enable it.</summary>
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Enabled)
        {
            var (certificate, configure) = Settings(options);
            silo.UseTls(certificate, configure);
        }

        return silo;
    }

    /// <summary>Mutual TLS on the client's gateway connections, when the options enable it.</summary>
    public static IClientBuilder UseClusterTls(this IClientBuilder client, ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Enabled)
        {
            var (certificate, configure) = Settings(options);
            client.UseTls(certificate, configure);
        }

        return client;
    }

    /// <summary>Loads this process's certificate with its private key: PKCS#12, or PEM certificate + PEM key.</summary>
    /// <exception cref="InvalidOperationException">The file cannot be read or lacks a private key; the message names the key.</exception>
    public static X509Certificate2 LoadCertificate(ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.CertificatePath ?? throw new InvalidOperationException("Tls:CertificatePath is not set.");
        var password = options.ResolvePassword();
        X509Certificate2 certificate;
        try
        {
            if (options.PrivateKeyPath is null)
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            }
            else
            {
                // A PEM key is ephemeral; a PKCS#12 round trip gives SslStream a key it can use on every platform.
                using var pem = password is null
                    ? X509Certificate2.CreateFromPemFile(path, options.PrivateKeyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, password, options.PrivateKeyPath);
                certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            }
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            // The inner message may say "wrong password" but never contains it.
            throw new InvalidOperationException(
                $"Tls:CertificatePath = '{path}' could not be loaded{(options.PrivateKeyPath is null ? " as PKCS#12" : $" with Tls:PrivateKeyPath = '{options.PrivateKeyPath}'")}: {e.Message} (check Tls:CertificatePassword / Tls:CertificatePasswordFile).", e);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"Tls:CertificatePath = '{path}' has no private key.");
        }

        return certificate;
    }

    private static (X509Certificate2 Certificate, Action<TlsOptions> Configure) Settings(ClusterTlsOptions options)
    {
        var certificate = LoadCertificate(options);
        var root = options.TrustedRootPath is null ? null : X509CertificateLoader.LoadCertificateFromFile(options.TrustedRootPath);
        var policy = new PeerCertificatePolicy(options.AllowedThumbprints, root);
        return (certificate, tls =>
        {
            tls.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
            tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.CheckCertificateRevocation = false;
            tls.HandshakeTimeout = TimeSpan.FromSeconds(options.HandshakeTimeoutSeconds);
            tls.RemoteCertificateValidation = policy.IsAcceptable;
        });
    }
}
